"""One typical mistake per exercise: each must lose exactly that exercise's points.

model calls sentence_to_avg, and Emojify_V2 calls embedding_matrix (through pretrained_embedding_layer, in its
cell): the mistakes planted in sentence_to_avg and embedding_matrix are ones their callers' checks see again
(a model trained on the averages of characters classifies badly; an embedding without the padding row has
too few parameters). The grader's cascade keeps each loss in its own exercise.
"""
PLANTED_BUGS = {
    # The sentence is never split: the loop goes over its characters ("i" and "a" are words with vectors).
    "sentence_to_avg": '''def sentence_to_avg(sentence, word_to_vec_map):
    d = next(iter(word_to_vec_map.values())).shape[0]
    known = [word_to_vec_map[w] for w in sentence.lower() if w in word_to_vec_map]
    avg = np.mean(known, axis=0) if known else np.zeros(d)
    return avg''',
    # The bias is forgotten: z = W @ avg, and b is never updated.
    "model": '''def model(X, Y, word_to_vec_map, learning_rate=0.01, num_iterations=400, rng=None):
    rng = np.random.default_rng(rng)
    n_y = 5
    n_h = next(iter(word_to_vec_map.values())).shape[0]
    W = rng.standard_normal((n_y, n_h)) / np.sqrt(n_h)
    b = np.zeros(n_y)
    Y_oh = np.eye(n_y)[Y]
    for t in range(num_iterations):
        for i in range(len(X)):
            avg = sentence_to_avg(X[i], word_to_vec_map)
            a = softmax(W @ avg)
            dz = a - Y_oh[i]
            W = W - learning_rate * np.outer(dz, avg)
    pred = np.array([np.argmax(W @ sentence_to_avg(s, word_to_vec_map)) for s in X])
    return pred, W, b''',
    # Indices counted from 0: the first word of the vocabulary gets the padding's index.
    "sentences_to_indices": '''def sentences_to_indices(X, word_to_index, max_len):
    m = len(X)
    X_indices = np.zeros((m, max_len), dtype=np.int64)
    for i, sentence in enumerate(X):
        for j, word in enumerate(sentence.lower().split()):
            X_indices[i, j] = word_to_index[word] - 1
    return X_indices''',
    # No row for the padding index: the rows are shifted by one.
    "embedding_matrix": '''def embedding_matrix(word_to_vec_map, word_to_index):
    d = next(iter(word_to_vec_map.values())).shape[0]
    emb_matrix = np.zeros((len(word_to_index), d))
    for word, index in word_to_index.items():
        emb_matrix[index - 1] = word_to_vec_map[word]
    return emb_matrix''',
    # The embedding is left trainable: training would move the pretrained vectors.
    "Emojify_V2": '''def pretrained_embedding_layer(word_to_vec_map, word_to_index):
    emb_matrix = embedding_matrix(word_to_vec_map, word_to_index)
    vocab_size, d = emb_matrix.shape
    embedding_layer = keras.layers.Embedding(vocab_size, d, mask_zero=True)
    embedding_layer.build((None,))
    embedding_layer.set_weights([emb_matrix])
    return embedding_layer


def Emojify_V2(input_shape, word_to_vec_map, word_to_index):
    sentence_indices = keras.Input(shape=input_shape, dtype="int32")
    embeddings = pretrained_embedding_layer(word_to_vec_map, word_to_index)(sentence_indices)
    X = keras.layers.LSTM(128, return_sequences=True)(embeddings)
    X = keras.layers.Dropout(0.5)(X)
    X = keras.layers.LSTM(128)(X)
    X = keras.layers.Dropout(0.5)(X)
    X = keras.layers.Dense(5, activation="softmax")(X)
    return keras.Model(inputs=sentence_indices, outputs=X)''',
}
