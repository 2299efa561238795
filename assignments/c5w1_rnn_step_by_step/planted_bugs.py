"""One typical mistake per exercise: each must lose exactly that exercise's points.

rnn_forward calls rnn_cell_forward, and lstm_forward calls lstm_cell_forward. Each mistake planted in a
cell is one the forward pass's checks see again (the planted-bug test grades the callers with the buggy
version too): a softmax over the examples gives wrong predictions at every step, and an LSTM without the
tanh on its cell state gives wrong hidden states. The grader's cascade keeps the loss in the one
exercise: when a cell fails its own checks, its caller is checked with the reference cell in its place.
"""
PLANTED_BUGS = {
    # The softmax over the examples (axis 1) instead of over the classes (axis 0).
    "rnn_cell_forward": '''def rnn_cell_forward(xt, a_prev, parameters):
    a_next = np.tanh(parameters["Waa"] @ a_prev + parameters["Wax"] @ xt + parameters["ba"])
    z = parameters["Wya"] @ a_next + parameters["by"]
    yt_pred = np.exp(z) / np.sum(np.exp(z), axis=1, keepdims=True)
    return a_next, yt_pred, (a_next, a_prev, xt, parameters)''',
    # Every step started from a0: the state is never passed on.
    "rnn_forward": '''def rnn_forward(x, a0, parameters):
    n_x, m, T_x = x.shape
    n_y, n_a = parameters["Wya"].shape
    a, y_pred, caches = np.zeros((n_a, m, T_x)), np.zeros((n_y, m, T_x)), []
    for t in range(T_x):
        a_next, yt_pred, cache = rnn_cell_forward(x[:, :, t], a0, parameters)
        a[:, :, t], y_pred[:, :, t] = a_next, yt_pred
        caches.append(cache)
    return a, y_pred, (caches, x)''',
    # No tanh on the cell state before the output gate.
    "lstm_cell_forward": '''def lstm_cell_forward(xt, a_prev, c_prev, parameters):
    concat = np.concatenate([a_prev, xt], axis=0)
    ft = sigmoid(parameters["Wf"] @ concat + parameters["bf"])
    it = sigmoid(parameters["Wi"] @ concat + parameters["bi"])
    cct = np.tanh(parameters["Wc"] @ concat + parameters["bc"])
    c_next = ft * c_prev + it * cct
    ot = sigmoid(parameters["Wo"] @ concat + parameters["bo"])
    a_next = ot * c_next
    yt_pred = softmax(parameters["Wy"] @ a_next + parameters["by"])
    return a_next, c_next, yt_pred, (a_next, c_next, a_prev, c_prev, ft, it, cct, ot, xt, parameters)''',
    # The cell state started at a0 instead of zeros.
    "lstm_forward": '''def lstm_forward(x, a0, parameters):
    n_x, m, T_x = x.shape
    n_y, n_a = parameters["Wy"].shape
    a, c, y, caches = np.zeros((n_a, m, T_x)), np.zeros((n_a, m, T_x)), np.zeros((n_y, m, T_x)), []
    a_next, c_next = a0, a0
    for t in range(T_x):
        a_next, c_next, yt, cache = lstm_cell_forward(x[:, :, t], a_next, c_next, parameters)
        a[:, :, t], c[:, :, t], y[:, :, t] = a_next, c_next, yt
        caches.append(cache)
    return a, y, c, (caches, x)''',
    # Keras's gate convention: u keeps the old state.
    "gru_cell_forward": '''def gru_cell_forward(xt, h_prev, parameters):
    concat = np.concatenate([h_prev, xt], axis=0)
    u = sigmoid(parameters["Wu"] @ concat + parameters["bu"])
    r = sigmoid(parameters["Wr"] @ concat + parameters["br"])
    h_tilde = np.tanh(parameters["Wh"] @ np.concatenate([r * h_prev, xt], axis=0) + parameters["bh"])
    h_next = u * h_prev + (1 - u) * h_tilde
    return h_next, (h_next, h_prev, xt, u, r, h_tilde, parameters)''',
    # tanh's derivative forgotten: dz = da_next.
    "rnn_cell_backward": '''def rnn_cell_backward(da_next, cache):
    a_next, a_prev, xt, parameters = cache
    dz = da_next
    return {"dxt": parameters["Wax"].T @ dz, "da_prev": parameters["Waa"].T @ dz, "dWax": dz @ xt.T,
            "dWaa": dz @ a_prev.T, "dba": np.sum(dz, axis=1, keepdims=True)}''',
}
