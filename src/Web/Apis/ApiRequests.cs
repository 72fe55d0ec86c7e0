namespace LatentWorkbench.Web.Apis;

/// <summary>Body of <c>POST /api/domains/{domain}/encode</c>.</summary>
public sealed record EncodeRequest(IReadOnlyList<string> Items);

/// <summary>Body of <c>POST /api/domains/{domain}/decode</c>.</summary>
public sealed record DecodeRequest(IReadOnlyList<float[]> Latents);

/// <summary>
/// Body of <c>POST /api/domains/{domain}/interpolate</c>; method is slerp (default) or lerp; decoding is greedy
/// (default), beam, sample or consistent (the ends are always decoded consistently); smooth lets inner points take
/// another likely decode of their latent point where that keeps the path from doubling back; save keeps the path as a
/// session, as Explore does (the response then carries its <c>session_id</c>).
/// </summary>
public sealed record InterpolateRequest(string From, string To, int Steps = 10, string Method = "slerp", string Decoding = "greedy", bool Smooth = false,
    bool Save = false);

/// <summary>Body of <c>POST /api/domains/{domain}/navigate</c>; objective as in the CLI (<c>qed:max,logp:2.5@0.5</c>).</summary>
public sealed record NavigateRequest(string From, string Objective, double MinSimilarity = 0, int Steps = 20, int SamplesPerStep = 4);

/// <summary>Body of <c>POST /api/domains/{domain}/sample</c>.</summary>
public sealed record SampleRequest(int N = 10, int Seed = 1);

/// <summary>
/// Body of <c>POST /api/domains/{domain}/sample-around</c>: <c>n</c> items decoded around <c>item</c>'s posterior mean,
/// <c>radius</c> (latent units) the neighbourhood's standard deviation; decoding as for interpolate.
/// </summary>
public sealed record SampleAroundRequest(string Item, int N = 10, double Radius = 0.5, int Seed = 1, string Decoding = "greedy");

/// <summary>
/// Body of <c>POST /api/domains/{domain}/move</c>: <c>from</c> moved along the model's <c>attribute</c> vector by
/// <c>amount</c> times its length (negative: the other way), decoded at <c>steps</c> + 1 points.
/// </summary>
public sealed record MoveRequest(string From, string Attribute, double Amount = 1, int Steps = 4);
