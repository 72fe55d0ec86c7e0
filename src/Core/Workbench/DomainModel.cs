using LatentWorkbench.Core.Domains;
using LatentWorkbench.Core.Latent;
using LatentWorkbench.Core.Latent.Decoding;
using LatentWorkbench.Core.Runtime;

namespace LatentWorkbench.Core.Workbench;

/// <summary>
/// A domain module joined with one of its models: the entry to every latent operation in the domain's own terms (item
/// text in, <see cref="LatentPoint"/>s out). Items are validated here; <see cref="Points"/> turns latent vectors into
/// described items, and the operations (<see cref="PathInterpolation"/>, <see cref="LatentSampling"/>,
/// <see cref="AttributeMove"/>, <see cref="Navigation"/>) compose the two. Not thread-safe; share it through a
/// <see cref="Runtime.ModelWorker"/>.
/// </summary>
public sealed class DomainModel : IDisposable
{
    /// <summary>Joins <paramref name="module"/> and <paramref name="model"/>; the model must belong to the module's domain.</summary>
    public DomainModel(IDomainModule module, LatentModel model)
    {
        if (model.Manifest.DomainId != module.Id)
            throw new InvalidDataException($"The model at '{model.Folder}' belongs to domain '{model.Manifest.DomainId}', not '{module.Id}'.");
        Module = module;
        Model = model;
        Codec = new ItemCodec(module.Tokenizer, model.Vocabulary, model.Manifest.Model.MaxLength);
        Points = new PointDecoder(module, model, Codec);
    }

    /// <summary>The domain.</summary>
    public IDomainModule Module { get; }

    /// <summary>The model.</summary>
    public LatentModel Model { get; }

    /// <summary>Text &lt;-&gt; token ids.</summary>
    public ItemCodec Codec { get; }

    /// <summary>Latent vectors to valid, described items.</summary>
    public PointDecoder Points { get; }

    /// <summary>Loads the model at <paramref name="folder"/> for <paramref name="module"/>.</summary>
    public static DomainModel Load(IDomainModule module, string folder, string? device = "auto", Precision precision = Precision.Fp32) =>
        new(module, LatentModel.Load(folder, device, precision));

    /// <summary>The canonical form of a user's item; throws <see cref="ItemInputException"/> with the position when invalid.</summary>
    public string Canonicalize(string text)
    {
        var result = Module.Validator.Validate(text);
        if (!result.IsValid) throw new ItemInputException(result.Error ?? "The item is not valid.", result.Position);
        return result.Canonical!;
    }

    /// <summary>Posterior of each item (validated and canonicalised first).</summary>
    public LatentCode[] Encode(IReadOnlyList<string> texts) =>
        Model.Encode(texts.Select(t => Codec.ToIds(Canonicalize(t))).ToArray());

    /// <summary>Decodes latent vectors into described points (<see cref="PointDecoder.Decode"/>).</summary>
    public LatentPoint[] Decode(IReadOnlyList<float[]> z, DecodeOptions? options = null) => Points.Decode(z, options);

    /// <summary>The decoded path between two items (<see cref="PathInterpolation.Run"/>).</summary>
    public IReadOnlyList<LatentPoint> Interpolate(string from, string to, int steps, InterpolationMethod method = InterpolationMethod.Slerp,
        DecodeOptions? options = null, bool smooth = false) => new PathInterpolation(this).Run(from, to, steps, method, options, smooth);

    /// <summary><paramref name="count"/> items decoded from the prior (<see cref="LatentSampling.Prior"/>).</summary>
    public IReadOnlyList<LatentPoint> Sample(int count, int seed = 1, DecodeOptions? options = null) =>
        new LatentSampling(this).Prior(count, seed, options);

    /// <summary><paramref name="count"/> items decoded around an item's posterior mean (<see cref="LatentSampling.Around"/>).</summary>
    public IReadOnlyList<LatentPoint> SampleAround(string text, int count, double radius = 0.5, int seed = 1, DecodeOptions? options = null) =>
        new LatentSampling(this).Around(text, count, radius, seed, options);

    /// <summary>An item moved along an attribute vector (<see cref="AttributeMove.Run"/>).</summary>
    public IReadOnlyList<LatentPoint> MoveAlong(string text, string attribute, double amount, int steps = 4) =>
        new AttributeMove(this).Run(text, attribute, amount, steps);

    /// <summary>An item steered toward an objective (<see cref="Navigation.Run"/>).</summary>
    public NavigationResult Navigate(NavigationRequest request) => new Navigation(this).Run(request);

    /// <summary>Releases the model.</summary>
    public void Dispose() => Model.Dispose();
}
