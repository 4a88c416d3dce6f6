// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class LatentTest {

    @Test
    void seededSamplingIsReproducibleAndStandardNormal() {
        List<Latent> a = Latent.random(100, 50, 7);
        assertThat(Latent.random(100, 50, 7)).isEqualTo(a);
        assertThat(Latent.random(100, 50, 8)).isNotEqualTo(a);
        double sum = 0;
        double squares = 0;
        for (Latent z : a) {
            for (float v : z.values()) {
                sum += v;
                squares += v * v;
            }
        }
        double n = 100 * 50;
        assertThat(sum / n).isCloseTo(0, within(0.05));
        assertThat(squares / n).isCloseTo(1, within(0.06));
        assertThat(Latent.random(100, 7)).isEqualTo(a.get(0));
    }

    @Test
    void arithmeticIsComponentWise() {
        Latent a = Latent.of(1, 2, 3);
        Latent b = Latent.of(0.5f, -1, 4);
        assertThat(a.add(b)).isEqualTo(Latent.of(1.5f, 1, 7));
        assertThat(a.sub(b)).isEqualTo(Latent.of(0.5f, 3, -1));
        assertThat(a.scale(2)).isEqualTo(Latent.of(2, 4, 6));
        assertThat(Latent.mean(List.of(a, b, Latent.of(0, 0, 2)))).isEqualTo(Latent.of(0.5f, 1f / 3, 3));
        assertThat(a.dot(b)).isCloseTo(10.5, within(1e-9));
        assertThat(Latent.of(3, 4).norm()).isCloseTo(5, within(1e-9));
        // "smiling woman - neutral woman + neutral man" reads as it is written.
        Latent smilingWoman = Latent.of(1, 1, 0);
        Latent neutralWoman = Latent.of(0, 1, 0);
        Latent neutralMan = Latent.of(0, 0, 1);
        assertThat(smilingWoman.sub(neutralWoman).add(neutralMan)).isEqualTo(Latent.of(1, 0, 1));
    }

    @Test
    void linearInterpolationHasExactEndpointsAndEvenSteps() {
        Latent a = Latent.of(0, 0);
        Latent b = Latent.of(4, -8);
        List<Latent> walk = Latent.interpolate(a, b, 5, Interpolation.LINEAR);
        assertThat(walk).hasSize(5);
        assertThat(walk.get(0)).isSameAs(a);
        assertThat(walk.get(4)).isSameAs(b);
        assertThat(walk.get(2)).isEqualTo(Latent.of(2, -4));
    }

    @Test
    void sphericalInterpolationKeepsTheNorm() {
        Latent a = Latent.random(100, 1);
        Latent b = Latent.random(100, 2).scale(a.norm() / Latent.random(100, 2).norm());
        List<Latent> walk = Latent.interpolate(a, b, 9, Interpolation.SPHERICAL);
        assertThat(walk.get(0)).isEqualTo(a);
        assertThat(walk.get(8)).isEqualTo(b);
        for (Latent z : walk) {
            assertThat(z.norm()).isCloseTo(a.norm(), within(1e-3 * a.norm()));
        }
        // Linear interpolation of two random directions shrinks in the middle; spherical does not.
        Latent linearMiddle = Latent.interpolate(a, b, 3, Interpolation.LINEAR).get(1);
        assertThat(linearMiddle.norm()).isLessThan(0.9 * a.norm());
        // Different norms: the length moves linearly from one to the other.
        Latent c = b.scale(3);
        Latent middle = Latent.interpolate(a, c, 3, Interpolation.SPHERICAL).get(1);
        assertThat(middle.norm()).isCloseTo(2 * a.norm(), within(1e-3 * a.norm()));
        // Parallel vectors do not divide by zero.
        assertThat(Latent.interpolate(a, a.scale(2), 3, Interpolation.SPHERICAL).get(1).norm())
                .isCloseTo(1.5 * a.norm(), within(1e-3 * a.norm()));
    }

    @Test
    void badInputIsRejected() {
        assertThatThrownBy(() -> Latent.of()).isInstanceOf(InvalidOptionException.class);
        assertThatThrownBy(() -> Latent.of(1, Float.NaN)).isInstanceOf(InvalidOptionException.class);
        assertThatThrownBy(() -> Latent.of(1, 2).add(Latent.of(1, 2, 3)))
                .isInstanceOf(InvalidOptionException.class).hasMessageContaining("sizes differ");
        assertThatThrownBy(() -> Latent.interpolate(Latent.of(1), Latent.of(2), 1, Interpolation.LINEAR))
                .isInstanceOf(InvalidOptionException.class).hasMessageContaining("steps");
        assertThatThrownBy(() -> Latent.random(0, 1)).isInstanceOf(InvalidOptionException.class);
        assertThatThrownBy(() -> Latent.mean(List.of())).isInstanceOf(InvalidOptionException.class);
    }

    @Test
    void latentsAreImmutable() {
        float[] v = {1, 2};
        Latent z = Latent.of(v);
        v[0] = 9;
        z.values()[1] = 9;
        assertThat(z).isEqualTo(Latent.of(1, 2));
    }
}
