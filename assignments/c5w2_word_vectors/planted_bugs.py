"""One typical mistake per exercise: each must lose exactly that exercise's points.

complete_analogy calls cosine_similarity: the mistake planted in cosine_similarity (the dot product
without the norms) is one complete_analogy's checks see again (on the made-up map it picks "giant",
the long vector, and on the course's vectors a first name), so the grader's cascade is what keeps
complete_analogy's points.
"""
PLANTED_BUGS = {
    # The dot product without the norms (and no care for zero vectors).
    "cosine_similarity": '''def cosine_similarity(u, v):
    return float(np.dot(u, v))''',
    # cos(e_b - e_a, e_w): the offset from c is forgotten.
    "complete_analogy": '''def complete_analogy(word_a, word_b, word_c, word_to_vec_map):
    word_a, word_b, word_c = word_a.lower(), word_b.lower(), word_c.lower()
    e_a, e_b, e_c = word_to_vec_map[word_a], word_to_vec_map[word_b], word_to_vec_map[word_c]
    max_cosine_sim, best_word = -100, None
    for w in word_to_vec_map:
        if w in (word_a, word_b, word_c):
            continue
        cosine_sim = cosine_similarity(e_b - e_a, word_to_vec_map[w])
        if cosine_sim > max_cosine_sim:
            max_cosine_sim, best_word = cosine_sim, w
    return best_word''',
    # The window includes the target itself (offset 0).
    "skipgram_pairs": '''def skipgram_pairs(token_ids, window_size=2, num_negative=4, vocab_size=None, rng=None):
    rng = np.random.default_rng(rng)
    token_ids = np.asarray(token_ids)
    if vocab_size is None:
        vocab_size = int(token_ids.max()) + 1
    positives = []
    for i in range(len(token_ids)):
        for j in range(max(0, i - window_size), min(len(token_ids), i + window_size + 1)):
            positives.append((token_ids[i], token_ids[j]))
    positives = np.array(positives, dtype=np.int64).reshape(-1, 2)
    targets = np.repeat(positives[:, 0], num_negative)
    negatives = np.stack([targets, rng.integers(vocab_size, size=len(targets))], axis=1)
    pairs = np.concatenate([positives, negatives])
    labels = np.concatenate([np.ones(len(positives), np.int64), np.zeros(len(negatives), np.int64)])
    return pairs, labels''',
    # The projection divided by |g| instead of |g|^2.
    "neutralize": '''def neutralize(word, g, word_to_vec_map):
    e = word_to_vec_map[word]
    e_biascomponent = np.dot(e, g) / np.linalg.norm(g) * g
    return e - e_biascomponent''',
    # No sqrt(1 - |mu_orth|^2) correction: the bias parts keep length 1 whatever mu_orth is.
    "equalize": '''def equalize(pair, bias_axis, word_to_vec_map):
    w1, w2 = pair
    e_w1 = word_to_vec_map[w1] / np.linalg.norm(word_to_vec_map[w1])
    e_w2 = word_to_vec_map[w2] / np.linalg.norm(word_to_vec_map[w2])
    g2 = np.dot(bias_axis, bias_axis)
    mu = (e_w1 + e_w2) / 2
    mu_B = np.dot(mu, bias_axis) / g2 * bias_axis
    mu_orth = mu - mu_B
    e_w1B = np.dot(e_w1, bias_axis) / g2 * bias_axis
    e_w2B = np.dot(e_w2, bias_axis) / g2 * bias_axis
    e1 = mu_orth + (e_w1B - mu_B) / np.linalg.norm(e_w1B - mu_B)
    e2 = mu_orth + (e_w2B - mu_B) / np.linalg.norm(e_w2B - mu_B)
    return e1, e2''',
}
