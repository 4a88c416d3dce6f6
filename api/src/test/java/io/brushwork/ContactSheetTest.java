// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContactSheetTest {

    @Test
    void tilesRowByRowWithWhiteGaps() {
        RgbImage red = RgbImage.filled(4, 3, 255, 0, 0);
        RgbImage blue = RgbImage.filled(4, 3, 0, 0, 255);
        RgbImage small = RgbImage.filled(2, 2, 0, 255, 0);
        RgbImage sheet = ContactSheet.of(List.of(red, blue, small), 2, 1);
        // Two columns of 4-pixel cells with 1-pixel gaps: 1+4+1+4+1 wide; two rows: 1+3+1+3+1 high.
        assertThat(sheet.width()).isEqualTo(11);
        assertThat(sheet.height()).isEqualTo(9);
        assertThat(sheet.sample(0, 1, 1)).isEqualTo(255f);
        assertThat(sheet.sample(2, 1, 1)).isEqualTo(0f);
        assertThat(sheet.sample(2, 6, 1)).isEqualTo(255f);
        assertThat(sheet.sample(0, 6, 1)).isEqualTo(0f);
        assertThat(sheet.sample(1, 1, 5)).isEqualTo(255f);
        // Gaps and the unused part of the small picture's cell are white.
        for (int c = 0; c < 3; c++) {
            assertThat(sheet.sample(c, 0, 0)).isEqualTo(255f);
            assertThat(sheet.sample(c, 5, 1)).isEqualTo(255f);
            assertThat(sheet.sample(c, 4, 7)).isEqualTo(255f);
        }
    }

    @Test
    void defaultGridIsNearSquare() {
        List<RgbImage> nine = java.util.Collections.nCopies(9, RgbImage.filled(8, 8, 0, 0, 0));
        RgbImage sheet = ContactSheet.of(nine);
        assertThat(sheet.width()).isEqualTo(3 * 8 + 4 * 2);
        assertThat(sheet.height()).isEqualTo(3 * 8 + 4 * 2);
    }

    @Test
    void badArgumentsAreRejected() {
        RgbImage p = RgbImage.filled(2, 2, 0, 0, 0);
        assertThatThrownBy(() -> ContactSheet.of(List.of())).isInstanceOf(InvalidOptionException.class);
        assertThatThrownBy(() -> ContactSheet.of(List.of(p), 0, 1)).isInstanceOf(InvalidOptionException.class);
        assertThatThrownBy(() -> ContactSheet.of(List.of(p), 1, -1)).isInstanceOf(InvalidOptionException.class);
    }
}
