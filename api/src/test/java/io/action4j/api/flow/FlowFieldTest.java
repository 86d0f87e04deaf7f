package io.action4j.api.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FlowFieldTest {

    @Test
    void holdsTheXPlaneThenTheYPlane() {
        // 3 wide, 2 high: x displacements 0..5, y displacements 10..15, row by row.
        FlowField field = new FlowField(3, 2, new float[] {0, 1, 2, 3, 4, 5, 10, 11, 12, 13, 14, 15});
        assertThat(field.dx(0, 0)).isEqualTo(0f);
        assertThat(field.dx(2, 0)).isEqualTo(2f);
        assertThat(field.dx(1, 1)).isEqualTo(4f);
        assertThat(field.dy(0, 0)).isEqualTo(10f);
        assertThat(field.dy(2, 1)).isEqualTo(15f);
    }

    @Test
    void aFieldOfTheWrongSizeIsRefusedWithTheSizes() {
        assertThatThrownBy(() -> new FlowField(3, 2, new float[6])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3x2").hasMessageContaining("needs 12 values, got 6");
        assertThatThrownBy(() -> new FlowField(0, 2, new float[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FlowField(3, 2, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got none");
    }
}
