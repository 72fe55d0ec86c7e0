namespace LatentWorkbench.Core.Training;

/// <summary>
/// Right predictions of one target token: teacher-forced (argmax given the true prefix) and greedy (the greedy decode
/// of the posterior mean has it at the same position), each out of how often the token was a target.
/// </summary>
public readonly record struct TokenTally(long TeacherForcedCorrect, long TeacherForcedTotal, long GreedyCorrect, long GreedyTotal);
