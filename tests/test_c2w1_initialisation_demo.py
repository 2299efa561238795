"""The C2W1 assignment shows what zero and large random (x10) weights do, from the learner's own
functions: the claims its text makes are read here from the source notebook's stored outputs
(refreshed by `python -m grader fixtures c2w1_init_reg_gradcheck`)."""
from grader.assignment import Assignment


def printed(marker):
    """The text printed by the source notebook's code cell whose code contains `marker`."""
    source = Assignment("c2w1_init_reg_gradcheck").source
    cell = next(c for c in source.cells if c.cell_type == "code" and marker in c.source)
    return "".join(output.get("text", "") for output in cell.outputs if output.output_type == "stream")


def test_zero_weights_keep_every_unit_alike_and_large_ones_saturate_the_output():
    text = printed("A3_zeros, cache_zeros = forward_propagation(")
    assert "all units of layer 1 equal on every example: True | all units of layer 2 equal: True" in text
    assert "the same output for every example: True (0.50), cost 0.6931 = ln 2" in text
    assert "100% of the outputs within 1e-6 of 0 or 1" in text


def test_training_from_zero_or_large_weights_learns_nothing_where_he_does():
    rows = {line[:26].strip(): line[26:].split() for line in printed("from_zeros = model(").splitlines()}
    assert rows["zeros"] == ["0.500", "0.500"] and rows["random x10"] == ["0.500", "0.500"]
    assert float(rows["He"][0]) > 0.9
    text = printed("from_zeros = model(")
    assert "zeros: every weight still 0 after training: True" in text
    assert "units of layer 2 active on some training point: 0 of 10" in text
