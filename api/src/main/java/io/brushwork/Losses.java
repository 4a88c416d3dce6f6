package io.brushwork;

/**
 * The weighted loss terms at one point of an optimisation; {@code total} is their sum.
 */
public record Losses(double content, double style, double totalVariation, double total) {
    public static Losses of(double content, double style, double totalVariation) {
        return new Losses(content, style, totalVariation, content + style + totalVariation);
    }
}
