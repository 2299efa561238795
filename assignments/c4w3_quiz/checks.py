"""C4W3 quiz: each question's hint (where to read again) and why each wrong choice is wrong.
The right answers are the source notebook's, recorded in expected/; none reaches the kernel."""
from grader.checks import question

LESSON = "the lesson c4w3_detection_segmentation"

CHECKS = [
    question("q1", f"section 1.3 of {LESSON}, on the three-part loss.", {
        "a": "Without an object there is no box to be right about: training the box towards zeros would only "
             "pull the box head away from real boxes. The factor p_c switches those terms off.",
        "c": "The pictures without an object are what teach the network to output p_c = 0; they stay in, with "
             "only the object score's loss.",
        "d": "The lesson's class head has the three shape classes only; 'no object' is what p_c says, and the "
             "class loss is multiplied by p_c = 0.",
    }),
    question("q2", f"section 3.1 of {LESSON}, on intersection over union; exercise 1 of the assignment c4w3_yolo.", {
        1 / 7: "4 / (12 + 16) adds the two areas without taking away the intersection, counted twice: the "
               "union is 12 + 16 - 4 = 24, so IoU = 4/24.",
        1 / 3: "That divides by the first box's area (12); IoU divides by the union, 12 + 16 - 4 = 24.",
        0.25: "That divides by the second box's area (16); IoU divides by the union, 12 + 16 - 4 = 24.",
        0.2: "The intersection is 2 x 2 = 4 (x from 3 to 5, y from 2 to 4), and the union 24: 4/24.",
    }, tolerance=1e-3),
    question("q3", f"section 4.1 of {LESSON}, on the grid and the target.", {
        (19, 19, 5, 80): "Each slot holds p_c and the four box numbers besides the 80 class probabilities: "
                         "5 + 80 = 85.",
        (19, 19, 5, 84): "Each slot also holds p_c, the object score: 1 + 4 box numbers + 80 classes = 85.",
        (19, 19, 85): "Each cell has one slot per anchor box: 5 slots of 85 numbers.",
        (19, 19, 5, 89): "The box takes four numbers (b_x, b_y, b_h, b_w) and p_c one: 5 + 80 = 85.",
    }),
    question("q4", f"section 4.1 of {LESSON}, on the grid, the target and anchor boxes; exercise 6 of the "
                   "assignment c4w3_yolo.", {
        "d": "b_x and b_y give the centre's position inside its cell, between 0 and 1 from the cell's "
             "upper-left corner, not in the whole picture.",
        "e": "Only the cell holding the box's centre is responsible; the other cells the box covers keep p_c = 0, "
             "which is why one object gives one box.",
    }, several=True),
    question("q5", f"section 3.2 of {LESSON}, on non-max suppression; exercise 4 of the assignment c4w3_yolo.", {
        "d": "That is reversed: the boxes that overlap the kept box a lot (IoU >= 0.5) are its duplicates and go; "
             "boxes that barely overlap it may be other objects and stay.",
        "e": "NMS keeps one of the boxes and drops the others; it does not average them.",
    }, several=True),
    question("q6", f"section 3.2 of {LESSON}, on TensorFlow's conventions for non-max suppression.", {
        "a": "TensorFlow drops a box only when its IoU is greater than the threshold: at exactly 0.5 it keeps both.",
        "c": "The course drops a box whose IoU is greater than or equal to the threshold, so the lesson's "
             "function drops the 0.8 box; TensorFlow, which drops only above the threshold, keeps it.",
        "d": "The lesson's function follows the course's '>=': at IoU exactly 0.5 it drops the box scored 0.8.",
    }),
    question("q7", f"section 2.2 of {LESSON}, on convolutional sliding windows, and the output size "
                   "floor((n + 2p - f) / s) + 1.", {
        (58, 58, 4): "That is n - f/s + 1, a misprint of the formula in some course notes: the whole n + 2p - f is "
                     "divided by the stride, floor((64 - 14) / 2) + 1 = 26.",
        (25, 25, 4): "The formula ends with + 1 (the window at offset 0): floor((64 - 14) / 2) + 1 = 26.",
        (51, 51, 4): "The window moves 2 pixels at a time (the pooling's stride), not 1: floor((64 - 14) / 2) + 1 = 26.",
        (8, 8, 4): "That is the output for a 28 x 28 picture; a 64 x 64 picture gives floor((64 - 14) / 2) + 1 = 26 "
                   "windows per side.",
        (1, 1, 4): "Only a 14 x 14 picture gives one window; the twin has no Flatten and slides over a larger one.",
    }),
    question("q8", f"section 5 of {LESSON}, on transposed convolutions.", {
        16: "That is padding='same', which keeps n s = 16 pixels; 'valid' keeps everything: (n - 1) s + f = 17.",
        3: "That is a convolution's output size, which shrinks; a transposed convolution grows: (8 - 1) 2 + 3 = 17.",
        24: "The patches of neighbouring inputs overlap: they are s = 2 pixels apart, not f = 3, so (8 - 1) 2 + 3 = 17.",
        15: "The last input value writes a whole 3 x 3 patch: (n - 1) s + f = 14 + 3 = 17.",
    }),
    question("q9", f"section 6.1 of {LESSON}, on the U-Net's skip connections; exercise 2 of the assignment "
                   "c4w3_unet.", {
        (16, 16, 16): "That would be a ResNet's skip, which adds. A U-Net's skip concatenates along the channels: "
                      "16 + 16 = 32.",
        (32, 32, 16): "Concatenating does not upsample: the transposed convolution already did, and the two maps "
                      "are joined channel by channel at 16 x 16.",
        (16, 32, 16): "The maps are joined along the channel axis (the last), not the width.",
        (32, 32, 32): "Concatenating keeps the height and width (16 x 16) and adds the channels: 16 + 16 = 32.",
    }),
    question("q10", f"sections 6.2 and 6.3 of {LESSON}, on pixel accuracy and mean IoU.", {
        "b": "Those are the trained U-Net's scores; calling everything background scored pixel accuracy 0.872 "
             "(the background's share) but mean IoU 0.218.",
        "c": "Those are swapped: pixel accuracy is the background's share, 0.872, and mean IoU a quarter of it, "
             "0.218, since background is the only class of the four it gets right.",
        "d": "About seven pixels in eight are background, so calling every pixel background is right 0.872 of "
             "the time; its mean IoU is 0.872 / 4 = 0.218.",
    }),
]
