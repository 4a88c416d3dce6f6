// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.zoo;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the pickles {@code torch.save} writes without ever running anything they name.
 *
 * <p>Python's unpickler imports and calls whatever a pickle asks for, which is why opening an
 * untrusted {@code .pth} file in Python can run arbitrary code. This reader knows a fixed set of
 * opcodes and an allow-list of globals, the ones {@code torch.load(weights_only=True)} needs to
 * rebuild tensors; every other global is refused as soon as it is named, before any call.
 * Objects become plain Java data: {@code str} is {@link String}, {@code int} {@link Long} (or
 * {@link BigInteger} when too large), {@code float} {@link Double}, {@code bool} {@link Boolean},
 * {@code None} null, {@code bytes} {@code byte[]}, {@code list} {@link ArrayList}, {@code dict}
 * and {@code OrderedDict} {@link LinkedHashMap}, {@code tuple} {@link Tuple}; tensors become
 * {@link TensorRef}s, which describe where their values lie without reading them.
 *
 * <p>Stack depth, nesting, string lengths, container sizes and the memo are all bounded, and
 * every length is checked against the bytes left, so a hostile pickle fails with a
 * {@link ModelFormatException} instead of exhausting memory or the Java stack. Lists and dicts
 * are never hashed, compared or printed, since a pickle can make them cyclic or deeply nested.
 */
final class SafeUnpickler {
    /** Longest string or bytes object. */
    static final int MAX_STRING_BYTES = 64 << 20;
    /** Longest integer a LONG4 may encode; real checkpoints need at most 10 bytes (the legacy magic number). */
    static final int MAX_INT_BYTES = 1024;
    /** Deepest nesting of MARKs, and of tuples within tuples. */
    static final int MAX_DEPTH = 1000;
    static final int MAX_STACK = 1_000_000;
    static final int MAX_MEMO = 1_000_000;
    /** Most items all lists, dicts and tuples of one pickle may hold together. */
    static final long MAX_ELEMENTS = 10_000_000;
    private static final int MAX_NAME_BYTES = 1024;

    private static final int MARK = '(';
    private static final int STOP = '.';
    private static final int BININT = 'J';
    private static final int BININT1 = 'K';
    private static final int BININT2 = 'M';
    private static final int NONE = 'N';
    private static final int PERSID = 'P';
    private static final int BINPERSID = 'Q';
    private static final int REDUCE = 'R';
    private static final int BINSTRING = 'T';
    private static final int SHORT_BINSTRING = 'U';
    private static final int BINUNICODE = 'X';
    private static final int APPEND = 'a';
    private static final int BUILD = 'b';
    private static final int GLOBAL = 'c';
    private static final int EMPTY_DICT = '}';
    private static final int APPENDS = 'e';
    private static final int BINGET = 'h';
    private static final int INST = 'i';
    private static final int LONG_BINGET = 'j';
    private static final int EMPTY_LIST = ']';
    private static final int OBJ = 'o';
    private static final int BINPUT = 'q';
    private static final int LONG_BINPUT = 'r';
    private static final int SETITEM = 's';
    private static final int TUPLE = 't';
    private static final int EMPTY_TUPLE = ')';
    private static final int SETITEMS = 'u';
    private static final int BINFLOAT = 'G';
    private static final int PROTO = 0x80;
    private static final int NEWOBJ = 0x81;
    private static final int TUPLE1 = 0x85;
    private static final int TUPLE2 = 0x86;
    private static final int TUPLE3 = 0x87;
    private static final int NEWTRUE = 0x88;
    private static final int NEWFALSE = 0x89;
    private static final int LONG1 = 0x8a;
    private static final int LONG4 = 0x8b;
    private static final int BINBYTES = 'B';
    private static final int SHORT_BINBYTES = 'C';
    private static final int SHORT_BINUNICODE = 0x8c;
    private static final int BINUNICODE8 = 0x8d;
    private static final int STACK_GLOBAL = 0x93;
    private static final int MEMOIZE = 0x94;
    private static final int FRAME = 0x95;

    /** What an allow-listed global is, which decides what REDUCE and NEWOBJ may do with it. */
    enum Kind {
        ORDERED_DICT, TORCH_SIZE, REBUILD_TENSOR, REBUILD_TENSOR_V2, REBUILD_PARAMETER,
        REBUILD_PARAMETER_WITH_STATE, STORAGE_CLASS, DTYPE
    }

    /** An allow-listed global: a class, function or dtype object named by GLOBAL or STACK_GLOBAL. */
    record Global(String module, String name, Kind kind, TorchDType dtype) {
        String qualifiedName() {
            return module + "." + name;
        }
    }

    private static final Map<String, Global> ALLOWED = allowList();

    private static Map<String, Global> allowList() {
        List<Global> globals = new ArrayList<>(List.of(
                new Global("collections", "OrderedDict", Kind.ORDERED_DICT, null),
                new Global("torch", "Size", Kind.TORCH_SIZE, null),
                new Global("torch._utils", "_rebuild_tensor", Kind.REBUILD_TENSOR, null),
                new Global("torch._utils", "_rebuild_tensor_v2", Kind.REBUILD_TENSOR_V2, null),
                new Global("torch._utils", "_rebuild_parameter", Kind.REBUILD_PARAMETER, null),
                new Global("torch._utils", "_rebuild_parameter_with_state", Kind.REBUILD_PARAMETER_WITH_STATE,
                        null),
                // Untyped storages hold bytes; torch.load reads them as uint8.
                new Global("torch.storage", "UntypedStorage", Kind.STORAGE_CLASS, TorchDType.UINT8),
                new Global("torch", "UntypedStorage", Kind.STORAGE_CLASS, TorchDType.UINT8)));
        for (TorchDType type : TorchDType.values()) {
            globals.add(new Global("torch", type.storageClass(), Kind.STORAGE_CLASS, type));
            globals.add(new Global("torch", type.torchName(), Kind.DTYPE, type));
        }
        Map<String, Global> byName = new HashMap<>();
        for (Global global : globals) {
            byName.put(global.qualifiedName(), global);
        }
        return Map.copyOf(byName);
    }

    /** A Python tuple. Immutable, so its nesting depth and hashability are fixed at creation. */
    static final class Tuple {
        static final Tuple EMPTY = new Tuple(new Object[0]);

        private final Object[] items;
        private final int depth;
        private final boolean hashable;

        private Tuple(Object[] items) {
            this.items = items;
            int deepest = 0;
            boolean allHashable = true;
            for (Object item : items) {
                if (item instanceof Tuple inner) {
                    deepest = Math.max(deepest, inner.depth);
                }
                allHashable &= isHashable(item);
            }
            this.depth = deepest + 1;
            this.hashable = allHashable;
        }

        int size() {
            return items.length;
        }

        Object get(int index) {
            return items[index];
        }

        /** Only hashable tuples are ever dict keys, so these never reach into a list or dict. */
        @Override
        public boolean equals(Object other) {
            return other instanceof Tuple tuple && Arrays.equals(items, tuple.items);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(items);
        }
    }

    /** A storage as a persistent id names it: one zip entry or one record of a legacy file. */
    record Storage(String key, TorchDType dtype, long numel) {
    }

    /**
     * What a persistent id stands for: a whole storage, or in the legacy format possibly a
     * slice of one, {@code numel} elements from {@code offset}.
     */
    record StorageView(Storage root, long offset, long numel) {
    }

    /**
     * A tensor: {@code size} and {@code stride} in elements, starting {@code offset} elements into
     * its root storage. {@code extent} is how many elements from {@code offset} it spans (checked
     * to lie within the storage), {@code elementCount} how many it has.
     */
    record TensorRef(Storage storage, long offset, long[] size, long[] stride, long elementCount, long extent) {
        /** Whether the elements lie back to back in row-major order, so no gather is needed. */
        boolean contiguous() {
            long expected = 1;
            for (int d = size.length - 1; d >= 0; d--) {
                // A dimension of size 1 never steps, so its stride does not matter.
                if (size[d] != 1 && stride[d] != expected) {
                    return false;
                }
                expected *= size[d];
            }
            return true;
        }
    }

    /** How persistent ids look, which differs between the two checkpoint formats. */
    enum PersistentIds {
        /** None allowed: the header pickles of a legacy file, the storage key list. */
        NONE,
        /** {@code ('storage', storage_type, key, location, numel)}. */
        ZIP,
        /** {@code ('storage', storage_type, root_key, location, numel, view_metadata)}. */
        LEGACY
    }

    private final PickleInput in;
    private final PersistentIds ids;
    private final Map<String, Storage> storages;
    private final ArrayList<Object> stack = new ArrayList<>();
    private int[] marks = new int[16];
    private int markCount;
    private final Map<Integer, Object> memo = new HashMap<>();
    private long elements;
    private long opcodeAt;

    /**
     * @param storages where the storages that persistent ids name are collected, by key in order
     *     of first mention; shared by all pickles of one file
     */
    SafeUnpickler(PickleInput in, PersistentIds ids, Map<String, Storage> storages) {
        this.in = in;
        this.ids = ids;
        this.storages = storages;
    }

    /** Reads one pickle, up to and including its STOP opcode, and returns its object. */
    Object load() {
        while (true) {
            opcodeAt = in.position();
            int op = in.readByte();
            switch (op) {
                case PROTO -> {
                    int version = in.readByte();
                    if (version > 5) {
                        throw malformed("pickle protocol " + version + " (the newest is 5)");
                    }
                }
                case FRAME -> {
                    // Frames only announce how many bytes follow; check the claim and read on.
                    long size = in.readUnsigned(8);
                    if (size < 0 || size > in.remaining()) {
                        throw malformed("a FRAME of " + Long.toUnsignedString(size) + " bytes, but only "
                                + in.remaining() + " remain");
                    }
                }
                case EMPTY_DICT -> push(new LinkedHashMap<>());
                case EMPTY_LIST -> push(new ArrayList<>());
                case EMPTY_TUPLE -> push(Tuple.EMPTY);
                case MARK -> mark();
                case BININT -> push((long) (int) in.readUnsigned(4));
                case BININT1 -> push((long) in.readByte());
                case BININT2 -> push(in.readUnsigned(2));
                case LONG1 -> push(decodeLong(in.readBytes(in.readByte())));
                case LONG4 -> push(decodeLong(in.readBytes(length("LONG4", (int) in.readUnsigned(4), MAX_INT_BYTES))));
                case BINFLOAT -> push(Double.longBitsToDouble(Long.reverseBytes(in.readUnsigned(8))));
                case SHORT_BINUNICODE, SHORT_BINSTRING -> push(utf8(in.readBytes(in.readByte())));
                case BINUNICODE -> push(utf8(in.readBytes(length("BINUNICODE", in.readUnsigned(4), MAX_STRING_BYTES))));
                case BINSTRING -> push(utf8(in.readBytes(length("BINSTRING", (int) in.readUnsigned(4),
                        MAX_STRING_BYTES))));
                case BINUNICODE8 -> push(utf8(in.readBytes(length("BINUNICODE8", in.readUnsigned(8),
                        MAX_STRING_BYTES))));
                case SHORT_BINBYTES -> push(in.readBytes(in.readByte()));
                case BINBYTES -> push(in.readBytes(length("BINBYTES", in.readUnsigned(4), MAX_STRING_BYTES)));
                case NONE -> push(null);
                case NEWTRUE -> push(Boolean.TRUE);
                case NEWFALSE -> push(Boolean.FALSE);
                case TUPLE -> push(tuple(popMark().toArray()));
                case TUPLE1 -> push(tuple(pop()));
                case TUPLE2 -> {
                    Object second = pop();
                    push(tuple(pop(), second));
                }
                case TUPLE3 -> {
                    Object third = pop();
                    Object second = pop();
                    push(tuple(pop(), second, third));
                }
                case SETITEM -> {
                    Object value = pop();
                    Object key = pop();
                    setItem(top(), key, value);
                }
                case SETITEMS -> {
                    List<Object> items = popMark();
                    if (items.size() % 2 != 0) {
                        throw malformed("SETITEMS with an odd number (" + items.size() + ") of keys and values");
                    }
                    Object dict = top();
                    for (int i = 0; i < items.size(); i += 2) {
                        setItem(dict, items.get(i), items.get(i + 1));
                    }
                }
                case APPEND -> {
                    Object item = pop();
                    List<Object> list = list(top(), "APPEND");
                    count(1);
                    list.add(item);
                }
                case APPENDS -> {
                    List<Object> items = popMark();
                    List<Object> list = list(top(), "APPENDS");
                    count(items.size());
                    list.addAll(items);
                }
                case BINPUT -> put(in.readByte());
                case LONG_BINPUT -> put((int) in.readUnsigned(4));
                case MEMOIZE -> put(memo.size());
                case BINGET -> push(get(in.readByte()));
                case LONG_BINGET -> push(get((int) in.readUnsigned(4)));
                case GLOBAL -> {
                    String module = utf8(in.readLine(MAX_NAME_BYTES));
                    push(global(module, utf8(in.readLine(MAX_NAME_BYTES))));
                }
                case STACK_GLOBAL -> {
                    Object name = pop();
                    Object module = pop();
                    if (!(module instanceof String m) || !(name instanceof String n)) {
                        throw malformed("STACK_GLOBAL needs two strings, got " + describe(module) + " and "
                                + describe(name));
                    }
                    push(global(m, n));
                }
                case REDUCE -> {
                    Object args = pop();
                    push(call(pop(), args));
                }
                case NEWOBJ -> {
                    Object args = pop();
                    push(newObject(pop(), args));
                }
                case BUILD -> {
                    Object state = pop();
                    build(top(), state);
                }
                case INST -> {
                    String module = utf8(in.readLine(MAX_NAME_BYTES));
                    String name = utf8(in.readLine(MAX_NAME_BYTES));
                    throw unsafe("refuses INST of " + shorten(module + "." + name));
                }
                case OBJ -> {
                    List<Object> items = popMark();
                    throw unsafe("refuses OBJ of " + (items.isEmpty() ? "nothing" : describe(items.get(0))));
                }
                case BINPERSID -> push(persistentLoad(pop()));
                case PERSID -> push(persistentLoad(utf8(in.readLine(MAX_NAME_BYTES))));
                case STOP -> {
                    if (markCount != 0 || stack.size() != 1) {
                        throw malformed("STOP with " + stack.size() + " objects and " + markCount
                                + " open MARKs on the stack, instead of one object");
                    }
                    return stack.get(0);
                }
                default -> throw malformed(String.format("unsupported pickle opcode 0x%02x", op)
                        + (op >= 0x20 && op < 0x7f ? " ('" + (char) op + "')" : ""));
            }
        }
    }

    private int length(String opcode, long claimed, int max) {
        if (claimed < 0 || claimed > max) {
            throw malformed(opcode + " claims " + Long.toUnsignedString(claimed) + " bytes, more than the limit of "
                    + max);
        }
        in.require(claimed);
        return (int) claimed;
    }

    private void push(Object value) {
        if (stack.size() >= MAX_STACK) {
            throw malformed("more than " + MAX_STACK + " objects on the pickle stack");
        }
        stack.add(value);
    }

    private int markBase() {
        return markCount == 0 ? 0 : marks[markCount - 1];
    }

    private Object pop() {
        if (stack.size() <= markBase()) {
            throw malformed("the pickle stack is empty");
        }
        return stack.remove(stack.size() - 1);
    }

    private Object top() {
        if (stack.size() <= markBase()) {
            throw malformed("the pickle stack is empty");
        }
        return stack.get(stack.size() - 1);
    }

    private void mark() {
        if (markCount == MAX_DEPTH) {
            throw malformed("MARKs nested deeper than " + MAX_DEPTH);
        }
        if (markCount == marks.length) {
            marks = Arrays.copyOf(marks, 2 * markCount);
        }
        marks[markCount++] = stack.size();
    }

    private List<Object> popMark() {
        if (markCount == 0) {
            throw malformed("no MARK to pop to");
        }
        List<Object> top = stack.subList(marks[--markCount], stack.size());
        List<Object> items = new ArrayList<>(top);
        top.clear();
        return items;
    }

    private void count(long n) {
        elements += n;
        if (elements > MAX_ELEMENTS) {
            throw malformed("more than " + MAX_ELEMENTS + " items in lists, dicts and tuples");
        }
    }

    private Tuple tuple(Object... items) {
        count(items.length);
        Tuple tuple = new Tuple(items);
        if (tuple.depth > MAX_DEPTH) {
            throw malformed("tuples nested deeper than " + MAX_DEPTH);
        }
        return tuple;
    }

    private static boolean isHashable(Object key) {
        return key == null || key instanceof String || key instanceof Long || key instanceof BigInteger
                || key instanceof Double || key instanceof Boolean || key instanceof Global
                || (key instanceof Tuple tuple && tuple.hashable);
    }

    private void setItem(Object target, Object key, Object value) {
        if (!(target instanceof Map)) {
            throw malformed("SETITEM on " + describe(target) + ", not a dict");
        }
        if (!isHashable(key)) {
            throw malformed("a dict key that is " + describe(key) + ", which is unhashable");
        }
        @SuppressWarnings("unchecked")
        Map<Object, Object> dict = (Map<Object, Object>) target;
        count(1);
        dict.put(key, value);
    }

    @SuppressWarnings("unchecked")
    private List<Object> list(Object target, String opcode) {
        if (!(target instanceof ArrayList)) {
            throw malformed(opcode + " on " + describe(target) + ", not a list");
        }
        return (List<Object>) target;
    }

    private void put(int index) {
        if (memo.size() >= MAX_MEMO && !memo.containsKey(index)) {
            throw malformed("more than " + MAX_MEMO + " memo entries");
        }
        memo.put(index, top());
    }

    private Object get(int index) {
        if (!memo.containsKey(index)) {
            throw malformed("memo entry " + Integer.toUnsignedString(index) + " is read before it is written");
        }
        return memo.get(index);
    }

    private Global global(String module, String name) {
        Global global = ALLOWED.get(module + "." + name);
        if (global == null) {
            throw unsafe("refuses global " + shorten(module + "." + name));
        }
        return global;
    }

    private Object call(Object function, Object args) {
        if (!(function instanceof Global global)) {
            throw unsafe("REDUCE calls " + describe(function) + ", not an allow-listed function");
        }
        if (!(args instanceof Tuple tuple)) {
            throw malformed("REDUCE of " + global.qualifiedName() + " with arguments " + describe(args)
                    + ", not a tuple");
        }
        return switch (global.kind()) {
            case ORDERED_DICT -> orderedDict(tuple);
            case TORCH_SIZE -> {
                arity(global, tuple, 1, 1);
                if (!(tuple.get(0) instanceof Tuple dims)) {
                    throw malformed("torch.Size of " + describe(tuple.get(0)) + ", not a tuple");
                }
                yield dims;
            }
            case REBUILD_TENSOR -> rebuildTensor(global, tuple, 4, 4);
            // A seventh argument, metadata, appeared in later PyTorch versions.
            case REBUILD_TENSOR_V2 -> rebuildTensor(global, tuple, 6, 7);
            case REBUILD_PARAMETER -> parameter(global, tuple, 3);
            case REBUILD_PARAMETER_WITH_STATE -> parameter(global, tuple, 4);
            case STORAGE_CLASS, DTYPE -> throw unsafe("refuses to call " + global.qualifiedName());
        };
    }

    /** {@code OrderedDict()}, or Python 2's {@code OrderedDict([[key, value], ...])}. */
    private Map<Object, Object> orderedDict(Tuple args) {
        Map<Object, Object> dict = new LinkedHashMap<>();
        if (args.size() == 0) {
            return dict;
        }
        if (args.size() != 1 || !(args.get(0) instanceof ArrayList<?> pairs)) {
            throw malformed("OrderedDict called with " + args.size() + " arguments other than one list of pairs");
        }
        for (Object pair : pairs) {
            if (pair instanceof ArrayList<?> list && list.size() == 2) {
                setItem(dict, list.get(0), list.get(1));
            } else if (pair instanceof Tuple tuple && tuple.size() == 2) {
                setItem(dict, tuple.get(0), tuple.get(1));
            } else {
                throw malformed("OrderedDict called with an item that is " + describe(pair) + ", not a pair");
            }
        }
        return dict;
    }

    private void arity(Global function, Tuple args, int min, int max) {
        if (args.size() < min || args.size() > max) {
            throw malformed(function.qualifiedName() + " called with " + args.size() + " arguments, expected "
                    + (min == max ? String.valueOf(min) : min + " to " + max));
        }
    }

    /** {@code _rebuild_tensor(storage, storage_offset, size, stride, ...)}: checks the view against its storage. */
    private TensorRef rebuildTensor(Global function, Tuple args, int min, int max) {
        arity(function, args, min, max);
        if (!(args.get(0) instanceof StorageView view)) {
            throw malformed(function.qualifiedName() + " called with " + describe(args.get(0))
                    + " instead of a storage");
        }
        long offset = natural(args.get(1), "storage offset");
        long[] size = naturals(args.get(2), "size");
        long[] stride = naturals(args.get(3), "stride");
        if (size.length != stride.length) {
            throw malformed("a tensor with size " + Arrays.toString(size) + " but stride " + Arrays.toString(stride));
        }
        long count = 1;
        long last = offset;
        try {
            for (int d = 0; d < size.length; d++) {
                count = Math.multiplyExact(count, size[d]);
                if (size[d] > 0) {
                    last = Math.addExact(last, Math.multiplyExact(size[d] - 1, stride[d]));
                }
            }
        } catch (ArithmeticException e) {
            throw malformed("a tensor with size " + Arrays.toString(size) + " and stride " + Arrays.toString(stride)
                    + " spans more elements than a long can count");
        }
        long extent = count == 0 ? 0 : last - offset + 1;
        if (count > 0 && last >= view.numel()) {
            throw malformed("a tensor with size " + Arrays.toString(size) + ", stride " + Arrays.toString(stride)
                    + " and offset " + offset + " reaches element " + last + " of storage '" + view.root().key()
                    + "', which holds only " + view.numel());
        }
        return new TensorRef(view.root(), view.offset() + offset, size, stride, count, extent);
    }

    /** {@code _rebuild_parameter(data, requires_grad, backward_hooks[, state])}: the data is the tensor. */
    private TensorRef parameter(Global function, Tuple args, int arity) {
        arity(function, args, arity, arity);
        if (!(args.get(0) instanceof TensorRef tensor)) {
            throw malformed(function.qualifiedName() + " called with " + describe(args.get(0))
                    + " instead of a tensor");
        }
        return tensor;
    }

    private Object newObject(Object cls, Object args) {
        if (cls instanceof Global global && global.kind() == Kind.ORDERED_DICT && args instanceof Tuple tuple
                && tuple.size() == 0) {
            return new LinkedHashMap<>();
        }
        throw unsafe("refuses NEWOBJ of " + describe(cls));
    }

    /**
     * Python sets attributes from the state. The only state torch writes is an OrderedDict's
     * {@code _metadata} (module versions), which a reader of weights does not need.
     */
    private void build(Object target, Object state) {
        if (!(target instanceof Map)) {
            throw unsafe("refuses BUILD on " + describe(target));
        }
        boolean dictState = state == null || state instanceof Map
                || (state instanceof Tuple pair && pair.size() == 2
                        && (pair.get(0) == null || pair.get(0) instanceof Map)
                        && (pair.get(1) == null || pair.get(1) instanceof Map));
        if (!dictState) {
            throw malformed("BUILD of a dict with state " + describe(state));
        }
    }

    private StorageView persistentLoad(Object pid) {
        if (ids == PersistentIds.NONE) {
            throw malformed("a persistent id where none belongs");
        }
        int expected = ids == PersistentIds.ZIP ? 5 : 6;
        if (!(pid instanceof Tuple id) || id.size() != expected || !"storage".equals(id.get(0))) {
            throw malformed("persistent id is " + describe(pid) + ", not ('storage', ...) of " + expected + " items");
        }
        if (!(id.get(1) instanceof Global type) || type.kind() != Kind.STORAGE_CLASS) {
            throw malformed("persistent id names " + describe(id.get(1)) + ", not a storage class");
        }
        if (!(id.get(2) instanceof String key) || !isStorageKey(key)) {
            throw malformed("persistent id has storage key " + describe(id.get(2))
                    + ", not a simple name (no '/', '\\' or '..')");
        }
        if (!(id.get(3) instanceof String)) {
            throw malformed("persistent id has location " + describe(id.get(3)) + ", not a string");
        }
        long numel = natural(id.get(4), "storage size");
        Storage storage = storages.computeIfAbsent(key, k -> new Storage(k, type.dtype(), numel));
        if (storage.dtype() != type.dtype() || storage.numel() != numel) {
            throw malformed("storage '" + key + "' is named as " + storage.numel() + " " + storage.dtype().torchName()
                    + " elements and as " + numel + " " + type.dtype().torchName() + " elements");
        }
        if (expected == 6 && id.get(5) != null) {
            // A legacy view: (view_key, offset, size) within the root storage.
            if (!(id.get(5) instanceof Tuple view) || view.size() != 3 || !(view.get(0) instanceof String)) {
                throw malformed("persistent id has view metadata " + describe(id.get(5))
                        + ", not (key, offset, size)");
            }
            long offset = natural(view.get(1), "storage view offset");
            long size = natural(view.get(2), "storage view size");
            if (offset > numel || size > numel - offset) {
                throw malformed("a view of " + size + " elements from " + offset + " in storage '" + key
                        + "', which holds only " + numel);
            }
            return new StorageView(storage, offset, size);
        }
        return new StorageView(storage, 0, numel);
    }

    private static boolean isStorageKey(String key) {
        return !key.isEmpty() && key.length() <= 256 && !key.equals(".") && !key.equals("..")
                && key.indexOf('/') < 0 && key.indexOf('\\') < 0;
    }

    private long natural(Object value, String what) {
        if (!(value instanceof Long number) || number < 0) {
            throw malformed("a " + what + " of " + describe(value) + ", not a non-negative int");
        }
        return number;
    }

    private long[] naturals(Object value, String what) {
        if (!(value instanceof Tuple tuple)) {
            throw malformed("a tensor " + what + " of " + describe(value) + ", not a tuple");
        }
        long[] numbers = new long[tuple.size()];
        for (int i = 0; i < numbers.length; i++) {
            numbers[i] = natural(tuple.get(i), what + " element");
        }
        return numbers;
    }

    /** Python's LONG encoding: little-endian two's complement, empty for zero. */
    private static Object decodeLong(byte[] littleEndian) {
        if (littleEndian.length == 0) {
            return 0L;
        }
        byte[] bigEndian = new byte[littleEndian.length];
        for (int i = 0; i < bigEndian.length; i++) {
            bigEndian[i] = littleEndian[littleEndian.length - 1 - i];
        }
        BigInteger value = new BigInteger(bigEndian);
        return value.bitLength() < Long.SIZE ? (Object) value.longValue() : value;
    }

    private String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw malformed("a string that is not valid UTF-8");
        }
    }

    /** A short description that never walks into a list or dict, which may be cyclic. */
    static String describe(Object value) {
        if (value == null) {
            return "None";
        } else if (value instanceof String s) {
            return "the str '" + shorten(s) + "'";
        } else if (value instanceof Long || value instanceof BigInteger) {
            String digits = value.toString();
            return "the int " + (digits.length() <= 40 ? digits : digits.substring(0, 40) + "...");
        } else if (value instanceof Double d) {
            return "the float " + d;
        } else if (value instanceof Boolean b) {
            return b ? "True" : "False";
        } else if (value instanceof byte[] bytes) {
            return "bytes of length " + bytes.length;
        } else if (value instanceof Tuple tuple) {
            return "a tuple of " + tuple.size();
        } else if (value instanceof List<?> list) {
            return "a list of " + list.size();
        } else if (value instanceof Map<?, ?> map) {
            return "a dict of " + map.size();
        } else if (value instanceof Global global) {
            return global.qualifiedName();
        } else if (value instanceof TensorRef) {
            return "a tensor";
        } else if (value instanceof StorageView) {
            return "a storage";
        }
        return value.getClass().getSimpleName();
    }

    static String shorten(String text) {
        return text.length() <= 100 ? text : text.substring(0, 100) + "...";
    }

    private ModelFormatException malformed(String problem) {
        return in.malformed(problem, opcodeAt);
    }

    private ModelFormatException unsafe(String problem) {
        return in.unsafe(problem, opcodeAt);
    }
}
