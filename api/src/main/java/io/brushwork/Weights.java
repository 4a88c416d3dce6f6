package io.brushwork;

/**
 * The three loss weights of a Gatys run: content (feature MSE), style (Gram MSE) and total
 * variation (smoothness). The defaults are those of jcjohnson/neural-style.
 *
 * @param content multiplier of the content loss, finite and >= 0
 * @param style multiplier of the style loss, finite and >= 0
 * @param totalVariation multiplier of the total-variation loss, finite and >= 0
 */
public record Weights(double content, double style, double totalVariation) {
    /** content 5, style 100, total variation 1e-3 (neural-style's defaults). */
    public static final Weights DEFAULT = new Weights(5, 100, 1e-3);

    public Weights {
        check("content", content);
        check("style", style);
        check("totalVariation", totalVariation);
        if (content == 0 && style == 0 && totalVariation == 0) {
            throw new InvalidOptionException("weights", "at least one weight must be positive");
        }
    }

    public static Weights of(double content, double style, double totalVariation) {
        return new Weights(content, style, totalVariation);
    }

    public Weights withContent(double value) {
        return new Weights(value, style, totalVariation);
    }

    public Weights withStyle(double value) {
        return new Weights(content, value, totalVariation);
    }

    public Weights withTotalVariation(double value) {
        return new Weights(content, style, value);
    }

    private static void check(String name, double v) {
        if (!Double.isFinite(v) || v < 0) {
            throw new InvalidOptionException("weights." + name, "must be finite and >= 0, got " + v);
        }
    }
}
