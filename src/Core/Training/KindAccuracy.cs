namespace LatentWorkbench.Core.Training;

/// <summary>Accuracy on one kind of token: teacher-forced, greedy, and the kind's share of all target tokens.</summary>
public sealed record KindAccuracy(double TeacherForced, double Greedy, double Share);
