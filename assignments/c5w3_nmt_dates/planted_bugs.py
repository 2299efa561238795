"""One typical mistake per exercise: each must lose exactly that exercise's points.

modelf calls one_step_attention, and bleu calls modified_precision: the mistakes planted in those two are ones
their callers' checks see again (the planted-bug test grades the callers with the buggy version too). A
Softmax made inside one_step_attention adds a layer at every step, which modelf's structure shows; unclipped
precisions change bleu on repeated words. translate is handed a trained model of its own (not modelf's), so
it calls no other exercise.
"""
PLANTED_BUGS = {
    # A new Softmax() inside the step: over the last axis (size 1), so every weight is 1, and a new layer per step.
    "one_step_attention": '''def one_step_attention(a, s_prev):
    s_prev = repeator(s_prev)
    concat = concatenator([a, s_prev])
    e = densor1(concat)
    energies = densor2(e)
    alphas = Softmax()(energies)
    context = dotor([alphas, a])
    return context''',
    # A one-directional encoder: half the states, and the decoder's context of n_a numbers instead of 2 n_a.
    "modelf": '''def modelf(Tx, Ty, n_a, n_s, human_vocab_size, machine_vocab_size):
    X = Input(shape=(Tx, human_vocab_size))
    s0 = Input(shape=(n_s,), name="s0")
    c0 = Input(shape=(n_s,), name="c0")
    s, c = s0, c0
    outputs = []
    a = LSTM(2 * n_a, return_sequences=True)(X)
    for t in range(Ty):
        context = one_step_attention(a, s)
        _, s, c = post_activation_LSTM_cell(context, initial_state=[s, c])
        outputs.append(output_layer(s))
    return keras.Model(inputs=[X, s0, c0], outputs=outputs)''',
    # No length normalisation: the finished sentence with the largest raw sum wins.
    "beam_search": '''def beam_search(log_probs, start, end, beam_width=3, max_len=10, alpha=0.7):
    vocab_size = log_probs.shape[1]
    running, finished = [((start,), 0.0)], []
    for _ in range(max_len):
        candidates = [(tokens + (j,), total + float(log_probs[tokens[-1], j]))
                      for tokens, total in running for j in range(vocab_size)]
        candidates.sort(key=lambda c: (-c[1], c[0]))
        running = []
        for tokens, total in candidates[:beam_width]:
            (finished if tokens[-1] == end else running).append((tokens, total))
        if not running:
            break
    finished += running
    best = min(finished, key=lambda c: (-c[1], c[0]))
    return [int(t) for t in best[0][1:]], float(best[1])''',
    # No clipping: every candidate n-gram found in some reference counts.
    "modified_precision": '''from collections import Counter


def modified_precision(candidate, references, n):
    grams = [tuple(candidate[i:i + n]) for i in range(len(candidate) - n + 1)]
    if not grams:
        return 0.0
    in_references = {tuple(r[i:i + n]) for r in references for i in range(len(r) - n + 1)}
    return sum(gram in in_references for gram in grams) / len(grams)''',
    # The brevity penalty with r and c swapped.
    "bleu": '''def bleu(candidate, references, max_n=4):
    c = len(candidate)
    if c == 0:
        return 0.0
    r = min((len(reference) for reference in references), key=lambda length: (abs(length - c), length))
    bp = 1.0 if c > r else float(np.exp(1 - c / r))
    precisions = [modified_precision(candidate, references, n) for n in range(1, max_n + 1)]
    if min(precisions) == 0:
        return 0.0
    return float(bp * np.exp(np.mean(np.log(precisions))))''',
    # The characters taken from the human vocabulary's order instead of inv_machine_vocab.
    "translate": '''def translate(model, dates):
    arrays = dates_to_arrays([(d, "0000-00-00") for d in dates], human_vocab, machine_vocab, Tx, Ty)
    s0 = np.zeros((len(dates), n_s), dtype=np.float32)
    c0 = np.zeros((len(dates), n_s), dtype=np.float32)
    probabilities = np.stack(model.predict([arrays.Xoh, s0, c0], verbose=0), axis=1)
    indices = np.argmax(probabilities, axis=-1)
    characters = list(human_vocab)
    return ["".join(characters[int(i)] for i in row) for row in indices]''',
}
