"""C4W4 quiz: each question's hint (where to read again) and why each wrong choice is wrong.
The right answers are the source notebook's, recorded in expected/; none reaches the kernel."""
from grader.checks import question

LESSON = "the lesson c4w4_faces_and_style"

CHECKS = [
    question("q1", f"section 1 of {LESSON}, on verification, recognition and one-shot learning.", {
        "a": "Nobody claims an identity here: the system must find who it is among 50 people (1:K), which is "
             "recognition.",
        "c": "One photograph per person is far too little to train a softmax on, and every new employee would need "
             "a new output and new training: that is why the course learns a distance instead (one-shot learning).",
        "d": "It is recognition, but the encoder is trained once; a new employee only adds one stored encoding "
             "to the database.",
    }),
    question("q2", f"section 2.3 of {LESSON}, on the triplet loss; exercise 1 of the assignment "
                   "c4w4_face_verification.", {
        0: "The loss is zero only once d_AN >= d_AP + alpha; here 0.6 < 0.5 + 0.2, so max(0.5 - 0.6 + 0.2, 0) = 0.1.",
        0.3: "That swaps the distances: the loss is d_AP - d_AN + alpha = 0.5 - 0.6 + 0.2 = 0.1.",
        -0.1: "The margin is added: 0.5 - 0.6 + 0.2 = 0.1 (and the max with 0 never lets the loss be negative).",
        1.3: "The distances are subtracted, not added: 0.5 - 0.6 + 0.2 = 0.1.",
    }, tolerance=1e-6),
    question("q3", f"section 2.4 of {LESSON}, on easy, semi-hard and hard triplets.", {
        "a": "An easy triplet has d_AN >= d_AP + alpha; here the negative (0.35) is even closer than the "
             "positive (0.40): hard.",
        "b": "A semi-hard negative is farther than the positive but inside the margin; this one is closer than "
             "the positive (0.35 <= 0.40): hard.",
    }),
    question("q4", f"section 2.2 of {LESSON}, on the encoder and the siamese network.", {
        "c": "The three inputs call one encoder model, so its layers and weights are shared: the siamese model "
             "has the encoder's 32,544 parameters, not three copies.",
        "e": "That is the point of learning a distance: a new person needs one stored encoding and no training "
             "(one-shot learning).",
    }, several=True),
    question("q5", f"sections 2.5 and 2.6 of {LESSON}, on ROC, AUC and training with a GradientTape loop.", {
        "b": "Random encodings are far from useless: the untrained encoder scored 0.712 and the raw pixels "
             "0.731, both well above guessing (0.5).",
        "c": "0.998 was measured on 20 training people, whose distances are optimistic; on unseen people the "
             "trained encoder scored 0.967.",
        "d": "Raw pixels scored 0.731, a little above the untrained encoder (0.712) and far below the trained "
             "encoder (0.967).",
    }),
    question("q6", f"section 2.9 of {LESSON}, on the contrastive loss and its label convention.", {
        0: "In the lesson's convention y = 1 means dissimilar: such a pair is pushed at least m apart, so at D = 0 "
           "it costs (1/2) max(1 - 0, 0)^2 = 0.5. Zero is what a similar pair (y = 0) at D = 0 costs.",
        1: "The term has a factor 1/2: (1/2) max(m - D, 0)^2 = (1/2) 1^2 = 0.5.",
        0.25: "The margin term squares max(m - D, 0) = 1 before halving it: (1/2) 1^2 = 0.5.",
    }),
    question("q7", f"section 4.1 of {LESSON}, on content and style; exercise 3 of the assignment "
                   "c4w4_style_transfer.", {
        "a": "Some course notes write J_style(C, G), a slip: G must take its style from the style picture, so the "
             "cost compares the Gram matrices of S and G.",
        "c": "C and S are fixed pictures; the cost must measure G, the picture being optimised, against S.",
        "d": "Comparing activations position by position measures content (what is where); the style cost compares "
             "Gram matrices, which forget where.",
    }),
    question("q8", f"section 4.1 of {LESSON}, on the Gram matrix; exercise 2 of the assignment c4w4_style_transfer.", {
        (1024, 1024): "The Gram matrix pairs channels, not positions: it sums over the 32 x 32 positions and is "
                      "n_C x n_C = 256 x 256.",
        (32, 32): "The Gram matrix has one row and column per channel (256), not per row of the picture.",
        (256, 1024): "That is A, the activations unrolled to n_C x n_H n_W; the Gram matrix is A A^T, 256 x 256.",
        (1024, 256): "That is A transposed; the Gram matrix is A A^T, n_C x n_C = 256 x 256.",
    }),
    question("q9", f"section 4.1 of {LESSON}, on the content cost; exercise 1 of the assignment c4w4_style_transfer.", {
        2.0: "That is (1/2) times the sum of squares, a form some course notes write; the lesson (and the "
             "assignment) scale by 1/(4 n_H n_W n_C): 4 / (4 * 2 * 2 * 4) = 0.0625.",
        4.0: "That is the plain sum of squares (2^2); the content cost divides it by 4 n_H n_W n_C = 64.",
        0.25: "The factor is 1/(4 n_H n_W n_C): 4 / (4 * 16) = 0.0625; 4/16 leaves out the 4.",
        0.125: "The difference is squared: 2^2 = 4, then 4 / 64 = 0.0625.",
    }),
    question("q10", f"sections 4.1 and 4.4 of {LESSON}, on optimising the pixels; exercise 6 of the assignment "
                    "c4w4_style_transfer.", {
        "d": "The network is frozen (`vgg_features.trainable = False`); the gradient is taken with respect to "
             "G's pixels only.",
        "e": "It is the other way round: beta weights the style cost, so a larger beta / alpha gives more texture "
             "and less cat.",
    }, several=True),
]
