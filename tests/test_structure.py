import keras
import numpy as np
import pytest

from lessons.structure import LayerRow, structure_table, summarize


def build_functional():
    inputs = keras.Input((4,), name="x")
    hidden = keras.layers.Dense(3, activation="relu", name="hidden")(inputs)
    outputs = keras.layers.Dense(1, activation="sigmoid", name="out")(hidden)
    return keras.Model(inputs, outputs)


def test_summarize_lists_class_shape_and_params_per_layer():
    assert summarize(build_functional()) == [
        LayerRow("InputLayer", (None, 4), 0),
        LayerRow("Dense", (None, 3), 15),
        LayerRow("Dense", (None, 1), 4),
    ]


def test_sequential_and_functional_twins_summarize_alike():
    sequential = keras.Sequential([keras.Input((4,)), keras.layers.Dense(3, activation="relu"),
                                   keras.layers.Dense(1, activation="sigmoid")])
    functional = [row for row in summarize(build_functional()) if row.layer != "InputLayer"]
    assert summarize(sequential) == functional


def test_a_subclassed_models_inner_shapes_come_from_its_build():
    class Tiny(keras.Model):
        def __init__(self):
            super().__init__()
            self.dense = keras.layers.Dense(2)

        def call(self, x):
            return self.dense(x)

    on_input, on_batch, unbuilt = Tiny(), Tiny(), Tiny()
    on_input(keras.Input((3,)))
    on_batch(np.zeros((5, 3), dtype="float32"))
    assert summarize(on_input) == [LayerRow("Dense", (None, 2), 8)]
    assert summarize(on_batch) == [LayerRow("Dense", (5, 2), 8)]
    with pytest.raises(ValueError, match="not built yet"):
        summarize(unbuilt)


def test_structure_table_ends_with_the_total():
    table = structure_table(build_functional())
    assert table.splitlines()[0].split() == ["Layer", "Output", "shape", "Params"]
    assert table.splitlines()[-1] == "Total params: 19"
