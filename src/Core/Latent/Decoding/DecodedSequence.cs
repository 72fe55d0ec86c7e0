namespace LatentWorkbench.Core.Latent.Decoding;

/// <summary>One decoded sequence: token ids (without specials), whether it ended with the end token, and its log-probability.</summary>
public sealed record DecodedSequence(int[] TokenIds, bool Finished, double LogProbability);
