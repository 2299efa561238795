"""One typical mistake per exercise: each must lose exactly that exercise's points.

transformer calls positional_encoding, both masks, EncoderLayer and DecoderLayer (encoder_layer and
decoder_layer are their exercises): the mistakes planted in those are ones transformer's check sees again, since
it recomputes the probabilities from the weights with the right pieces. scaled_dot_product_attention is called
by no other exercise (the layers use Keras's MultiHeadAttention).
"""
PLANTED_BUGS = {
    # sine and cosine swapped: cos in the even columns, sin in the odd ones.
    'positional_encoding': '''def positional_encoding(positions, d_model):
    """The sinusoidal encoding of positions 0..positions-1: a float32 array (1, positions, d_model), sin in the
    even columns 2i and cos in the odd columns 2i+1, both of the angle pos / 10000 ** (2i / d_model)."""
    pos = np.arange(positions)[:, np.newaxis]              # (positions, 1)
    i = np.arange(d_model)[np.newaxis, :] // 2             # (1, d_model): the pair each column belongs to
    angles = pos / np.power(10000.0, 2 * i / d_model)      # (positions, d_model)
    pe = np.zeros((positions, d_model))
    pe[:, 0::2] = np.cos(angles[:, 0::2])
    pe[:, 1::2] = np.sin(angles[:, 1::2])
    return pe[np.newaxis].astype(np.float32)''',
    # The old TensorFlow tutorial's convention: 1 marks the padding (Keras reads 1 as attend).
    'create_padding_mask': '''def create_padding_mask(token_ids, pad_id=0):
    """token_ids (m, n) -> float32 mask (m, 1, n): 1.0 where the token is not pad_id (attend), 0.0 at padding."""
    mask = keras.ops.cast(keras.ops.equal(token_ids, pad_id), "float32")
    return mask[:, None, :]''',
    # Upper-triangular: each position sees itself and the future.
    'create_look_ahead_mask': '''def create_look_ahead_mask(n):
    """The causal mask of n positions: float32 (1, n, n), ones on and below the diagonal (row t may attend to the
    columns 0..t), zeros above."""
    return keras.ops.triu(keras.ops.ones((1, n, n), dtype="float32"))''',
    # No scaling by sqrt(d_k).
    'scaled_dot_product_attention': '''def scaled_dot_product_attention(q, k, v, mask=None):
    """softmax(q k^T / sqrt(d_k) + (1 - mask) * -1e9) v over the last two axes. q (..., T_q, d_k),
    k (..., T_k, d_k), v (..., T_k, d_v), mask broadcastable to (..., T_q, T_k) with 1 = attend, or None.
    Returns (output (..., T_q, d_v), weights (..., T_q, T_k))."""
    d_k = keras.ops.cast(keras.ops.shape(k)[-1], "float32")
    logits = keras.ops.matmul(q, keras.ops.swapaxes(k, -1, -2))
    if mask is not None:
        logits = logits + (1.0 - keras.ops.cast(mask, "float32")) * -1e9
    weights = keras.ops.softmax(logits, axis=-1)
    output = keras.ops.matmul(weights, v)
    return output, weights''',
    # No residual connection around the feed-forward network.
    'encoder_layer': '''class EncoderLayer(keras.layers.Layer):
    """Self-attention, then a feed-forward network, each followed by Add & Norm."""

    def __init__(self, embedding_dim, num_heads, fully_connected_dim, dropout_rate=0.1, layernorm_eps=1e-6, **kwargs):
        super().__init__(**kwargs)
        # self.mha: MultiHeadAttention(num_heads=num_heads, key_dim=embedding_dim // num_heads, dropout=dropout_rate)
        # self.ffn: keras.Sequential([Dense(fully_connected_dim, activation="relu"), Dense(embedding_dim)])
        # self.layernorm1, self.layernorm2: LayerNormalization(epsilon=layernorm_eps)
        # self.dropout_ffn: Dropout(dropout_rate)
        self.mha = MultiHeadAttention(num_heads=num_heads, key_dim=embedding_dim // num_heads, dropout=dropout_rate)
        self.ffn = keras.Sequential([Dense(fully_connected_dim, activation="relu"), Dense(embedding_dim)])
        self.layernorm1 = LayerNormalization(epsilon=layernorm_eps)
        self.layernorm2 = LayerNormalization(epsilon=layernorm_eps)
        self.dropout_ffn = Dropout(dropout_rate)

    def call(self, x, training=False, padding_mask=None):
        """x (m, T, embedding_dim); padding_mask (m, 1, T), 1 = attend, or None. Returns (m, T, embedding_dim)."""
        attention = self.mha(x, x, x, attention_mask=padding_mask, training=training)
        out1 = self.layernorm1(x + attention)
        ffn_output = self.dropout_ffn(self.ffn(out1), training=training)
        return self.layernorm2(ffn_output)


def encoder_layer(x, padding_mask, embedding_dim, num_heads, fully_connected_dim, seed=0):
    """Given: an EncoderLayer made after seeding, run on x with training=False; its output and its weights."""
    keras.utils.set_random_seed(seed)
    layer = EncoderLayer(embedding_dim, num_heads, fully_connected_dim)
    output = layer(x, training=False, padding_mask=padding_mask)
    return {"output": keras.ops.convert_to_numpy(output), "weights": layer_weights(layer)}''',
    # The second Add & Norm adds the layer's input x instead of out1, the first block's output.
    'decoder_layer': '''class DecoderLayer(keras.layers.Layer):
    """Masked self-attention, cross-attention to the encoder's output, then a feed-forward network, each followed
    by Add & Norm."""

    def __init__(self, embedding_dim, num_heads, fully_connected_dim, dropout_rate=0.1, layernorm_eps=1e-6, **kwargs):
        super().__init__(**kwargs)
        # self.mha1 (self-attention), self.mha2 (cross-attention): each a
        #     MultiHeadAttention(num_heads=num_heads, key_dim=embedding_dim // num_heads, dropout=dropout_rate)
        # self.ffn: keras.Sequential([Dense(fully_connected_dim, activation="relu"), Dense(embedding_dim)])
        # self.layernorm1, self.layernorm2, self.layernorm3: LayerNormalization(epsilon=layernorm_eps)
        # self.dropout_ffn: Dropout(dropout_rate)
        self.mha1 = MultiHeadAttention(num_heads=num_heads, key_dim=embedding_dim // num_heads, dropout=dropout_rate)
        self.mha2 = MultiHeadAttention(num_heads=num_heads, key_dim=embedding_dim // num_heads, dropout=dropout_rate)
        self.ffn = keras.Sequential([Dense(fully_connected_dim, activation="relu"), Dense(embedding_dim)])
        self.layernorm1 = LayerNormalization(epsilon=layernorm_eps)
        self.layernorm2 = LayerNormalization(epsilon=layernorm_eps)
        self.layernorm3 = LayerNormalization(epsilon=layernorm_eps)
        self.dropout_ffn = Dropout(dropout_rate)

    def call(self, x, enc_output, training=False, look_ahead_mask=None, padding_mask=None):
        """x (m, T_d, embedding_dim), the target so far; enc_output (m, T_e, embedding_dim); look_ahead_mask
        (1, T_d, T_d); padding_mask (m, 1, T_e), the encoder's. Returns (output (m, T_d, embedding_dim),
        block-1 weights (m, num_heads, T_d, T_d), block-2 weights (m, num_heads, T_d, T_e))."""
        attention1, weights1 = self.mha1(x, x, x, attention_mask=look_ahead_mask, return_attention_scores=True,
                                         training=training)
        out1 = self.layernorm1(x + attention1)
        attention2, weights2 = self.mha2(out1, enc_output, enc_output, attention_mask=padding_mask,
                                         return_attention_scores=True, training=training)
        out2 = self.layernorm2(x + attention2)
        ffn_output = self.dropout_ffn(self.ffn(out2), training=training)
        out3 = self.layernorm3(out2 + ffn_output)
        return out3, weights1, weights2


def decoder_layer(x, enc_output, look_ahead_mask, padding_mask, embedding_dim, num_heads, fully_connected_dim, seed=0):
    """Given: a DecoderLayer made after seeding, run with training=False; its outputs and its weights."""
    keras.utils.set_random_seed(seed)
    layer = DecoderLayer(embedding_dim, num_heads, fully_connected_dim)
    output, weights1, weights2 = layer(x, enc_output, training=False, look_ahead_mask=look_ahead_mask,
                                       padding_mask=padding_mask)
    return {"output": keras.ops.convert_to_numpy(output), "self_attention": keras.ops.convert_to_numpy(weights1),
            "cross_attention": keras.ops.convert_to_numpy(weights2), "weights": layer_weights(layer)}''',
    # The embeddings are not scaled by sqrt(embedding_dim).
    'transformer': '''class Transformer(keras.Model):
    """The encoder-decoder Transformer: call((encoder_tokens (m, T_e), decoder_tokens (m, T_d))) returns the
    probabilities of the next target token at each target position, (m, T_d, target_vocab_size)."""

    def __init__(self, num_layers, embedding_dim, num_heads, fully_connected_dim, input_vocab_size, target_vocab_size,
                 max_positional_encoding_input, max_positional_encoding_target, dropout_rate=0.1, layernorm_eps=1e-6,
                 **kwargs):
        super().__init__(**kwargs)
        self.embedding_dim = embedding_dim
        # self.encoder_embedding: Embedding(input_vocab_size, embedding_dim); self.decoder_embedding: the target's
        # self.encoder_positions, self.decoder_positions: positional_encoding(max_positional_encoding_..., embedding_dim)
        #     made tensors with keras.ops.convert_to_tensor
        # self.encoder_dropout, self.decoder_dropout: Dropout(dropout_rate), for the embeddings
        # self.encoder_layers, self.decoder_layers: lists of num_layers EncoderLayer / DecoderLayer(embedding_dim,
        #     num_heads, fully_connected_dim, dropout_rate, layernorm_eps)
        # self.final_layer: Dense(target_vocab_size, activation="softmax")
        self.encoder_embedding = Embedding(input_vocab_size, embedding_dim)
        self.decoder_embedding = Embedding(target_vocab_size, embedding_dim)
        self.encoder_positions = keras.ops.convert_to_tensor(positional_encoding(max_positional_encoding_input, embedding_dim))
        self.decoder_positions = keras.ops.convert_to_tensor(positional_encoding(max_positional_encoding_target, embedding_dim))
        self.encoder_dropout = Dropout(dropout_rate)
        self.decoder_dropout = Dropout(dropout_rate)
        self.encoder_layers = [EncoderLayer(embedding_dim, num_heads, fully_connected_dim, dropout_rate, layernorm_eps)
                               for _ in range(num_layers)]
        self.decoder_layers = [DecoderLayer(embedding_dim, num_heads, fully_connected_dim, dropout_rate, layernorm_eps)
                               for _ in range(num_layers)]
        self.final_layer = Dense(target_vocab_size, activation="softmax")

    def call(self, inputs, training=False, return_attention=False):
        encoder_tokens, decoder_tokens = inputs
        attention = {}  # "decoder_layer1_block1": weights, ... for return_attention
        t_e, t_d = keras.ops.shape(encoder_tokens)[1], keras.ops.shape(decoder_tokens)[1]
        padding_mask = create_padding_mask(encoder_tokens)
        look_ahead_mask = create_look_ahead_mask(t_d)
        scale = keras.ops.sqrt(keras.ops.cast(self.embedding_dim, "float32"))

        x = self.encoder_embedding(encoder_tokens) + self.encoder_positions[:, :t_e, :]
        x = self.encoder_dropout(x, training=training)
        for layer in self.encoder_layers:
            x = layer(x, training=training, padding_mask=padding_mask)

        y = self.decoder_embedding(decoder_tokens) + self.decoder_positions[:, :t_d, :]
        y = self.decoder_dropout(y, training=training)
        for i, layer in enumerate(self.decoder_layers, start=1):
            y, block1, block2 = layer(y, x, training=training, look_ahead_mask=look_ahead_mask,
                                      padding_mask=padding_mask)
            attention[f"decoder_layer{i}_block1"], attention[f"decoder_layer{i}_block2"] = block1, block2
        probabilities = self.final_layer(y)
        return (probabilities, attention) if return_attention else probabilities


def transformer_weights(model):
    return {"encoder_embedding": np.asarray(model.encoder_embedding.get_weights()[0]),
            "decoder_embedding": np.asarray(model.decoder_embedding.get_weights()[0]),
            "encoder_layers": [layer_weights(layer) for layer in model.encoder_layers],
            "decoder_layers": [layer_weights(layer) for layer in model.decoder_layers],
            "final_layer": [np.asarray(w) for w in model.final_layer.get_weights()]}


def transformer(encoder_tokens, decoder_tokens, sizes, seed=0):
    """Given: a Transformer(**sizes) made after seeding, run with training=False; its probabilities, its parameter
    count and its weights."""
    keras.utils.set_random_seed(seed)
    model = Transformer(**sizes)
    probabilities = model((encoder_tokens, decoder_tokens), training=False)
    return {"probabilities": keras.ops.convert_to_numpy(probabilities), "parameters": int(model.count_params()),
            "weights": transformer_weights(model)}''',
}
