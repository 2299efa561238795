"""C4W2 quiz: each question's hint (where to read again) and why each wrong choice is wrong.
The right answers are the source notebook's, recorded in expected/; none reaches the kernel."""
from grader.checks import question

LESSON = "the lesson c4w2_case_studies"

CHECKS = [
    question("q1", f"section 1.2 of {LESSON}, on AlexNet and VGG-16.", {
        "a": "A 2 × 2 pool with stride 1 shrinks 224 only to 223 (some course notes say stride 1, a slip); "
             "halving needs stride 2.",
        "c": "With 'same' padding and stride 1 the picture keeps its size; VGG's pools halve it.",
        "d": "Global average pooling leaves one number per channel; VGG-16 ends its blocks with 2 × 2 max pooling "
             "and flattens 7 × 7 × 512 into its dense layers.",
    }),
    question("q2", f"section 1.3 of {LESSON}, on why stacks of 3 × 3 filters.", {
        9: "The window grows by 2 pixels per layer, not 3: 3, then 5, then 7.",
        3: "Each layer looks at a 3 × 3 window of the layer before, which itself saw more of the input: 3, 5, 7.",
        27: "That is 3 · 9 filter entries; the window grows by 2 per layer: 7 × 7.",
    }),
    question("q3", f"section 2.1 of {LESSON}, on the residual block; exercise 1 of the assignment c4w2_resnets.", {
        "a": "The shortcut is added before the last activation: a[l+2] = g(z[l+2] + a[l]).",
        "c": "The shortcut adds the input; it does not multiply by it.",
        "d": "The skip connection ends inside the same block, before its last activation.",
    }),
    question("q4", f"section 2.4 of {LESSON}, on a small ResNet against its plain twin.", {
        "b": "The plain twin reached only 0.548 after 5 epochs, against the ResNet's 0.976.",
        "c": "The plain twin learnt more slowly: training loss 1.103 against the ResNet's 0.110.",
        "d": "The ResNet learnt well (0.976); its plain twin learnt too, only much more slowly (0.548).",
    }),
    question("q5", f"section 3.2 of {LESSON}, on the cost of a convolution.", {
        307200: "That is the cost of one output position for all filters (the weight count); there are 14 · 14 positions.",
        1254400: "Each of the 48 filters makes its own map: 14 · 14 · 48 outputs, each of 5 · 5 · 256 products.",
        9132032: "That is the cost with a 1 × 1 bottleneck to 32 channels first; the question has no bottleneck.",
    }),
    question("q6", f"section 4.1 of {LESSON}, on the cost of depthwise-separable convolutions.", {
        0.1111: "1/f^2 is the depthwise step's share; the pointwise step adds 1/n_C' = 1/64.",
        0.0156: "1/n_C' is the pointwise step's share; the depthwise step adds 1/f^2 = 1/9.",
        0.3111: "That is the course's example with 5 output channels: 1/5 + 1/9; here 1/64 + 1/9.",
    }, tolerance=1e-3),
    question("q7", f"section 3.1 of {LESSON}, on what a 1 × 1 convolution computes.", {
        (28, 28, 192): "Each of the 32 filters mixes the 192 channels into one: the output has 32 channels.",
        (1, 1, 32): "A 1 × 1 filter slides over every pixel, so height and width stay 28 × 28.",
        (28, 28, 6144): "Each filter sums over all 192 channels into one map: 32 filters give 32 channels.",
    }),
    question("q8", f"section 4.3 of {LESSON}, on MobileNet v2 and the inverted residual block.", {
        "e": "The projection is linear, a linear bottleneck: a ReLU on so few channels would destroy information.",
        "f": "That is a ResNet bottleneck; MobileNet v2's block is inverted: narrow at its ends, wide inside.",
    }, several=True),
    question("q9", f"section 5 of {LESSON}, on EfficientNet's compound scaling.", {
        257.6: "That is phi = 1: 224 · 1.15; with phi = 2 the resolution is 224 · 1.15^2.",
        322.56: "alpha scales the depth; the resolution grows by gamma^phi = 1.15^2.",
        448: "Each step of phi roughly doubles the multiplications, not the side of the picture: 224 · 1.15^2.",
    }, tolerance=0.005),
    question("q10", f"section 6 of {LESSON}, on data augmentation, and exercise 3 of the assignment "
                    "c4w2_transfer_learning, on fine-tuning.", {
        "c": "A mirrored 2 is not a 2: choose augmentations that keep the label.",
        "e": "Fine-tuning uses a lower learning rate (ten times lower in the assignment): large steps would "
             "overwrite the pretrained features.",
    }, several=True),
]
