using LatentWorkbench.Core.Checkpoints;
using LatentWorkbench.Core.Domains;
using LatentWorkbench.Core.Latent.Decoding;
using LatentWorkbench.Core.Models;
using LatentWorkbench.Core.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace LatentWorkbench.Core.Latent;

/// <summary>
/// A loaded sequence VAE with its vocabulary and calibration. Arrays in, arrays out: tensors never leave this
/// class. Not thread-safe; in a server one <see cref="Runtime.ModelWorker"/> owns it.
/// </summary>
public sealed class LatentModel : IDisposable
{
    private const int Batch = 256;
    private StepDecoder? _decoder;
    private SequenceVae? _compute;
    private float[][]? _reference;
    private ulong[]? _hashes;

    internal LatentModel(CheckpointManifest manifest, SequenceVae network, Device device, string? folder, Precision precision = Precision.Fp32)
    {
        Manifest = manifest;
        Precision = precision;
        Network = network;
        Device = device;
        Folder = folder;
        Vocabulary = new Vocabulary(manifest.Vocabulary);
    }

    internal SequenceVae Network { get; }

    private StepDecoder Decoder =>
        _decoder ??= new StepDecoder(Compute.ExportDecoderWeights(), Vocabulary.Specials, Vocabulary.Count, Manifest.Model.MaxLength, Device);

    internal Device Device { get; }

    /// <summary>The checkpoint's manifest.</summary>
    public CheckpointManifest Manifest { get; internal set; }

    /// <summary>Folder the model was loaded from, or null for a model being trained in memory.</summary>
    public string? Folder { get; }

    /// <summary>Token vocabulary.</summary>
    public Vocabulary Vocabulary { get; }

    /// <summary>Size of z.</summary>
    public int LatentSize => Manifest.Model.LatentSize;

    /// <summary>Number format of encoding and decoding (property heads and navigation always use float32).</summary>
    public Precision Precision { get; }

    /// <summary>The network encoding and decoding run on: <see cref="Network"/>, or its bfloat16 copy (made on first use).</summary>
    private SequenceVae Compute => Precision == Precision.Fp32 ? Network
        : _compute ??= Network.CopyAs(PrecisionSelector.ScalarType(Precision), Device);

    /// <summary>Loads a checkpoint folder onto <paramref name="device"/> (auto|cpu|cuda) to encode and decode in <paramref name="precision"/>.</summary>
    public static LatentModel Load(string folder, string? device = "auto", Precision precision = Precision.Fp32)
    {
        var manifest = CheckpointStore.ReadManifest(folder);
        var weights = Path.Combine(folder, manifest.Files.Weights);
        if (!File.Exists(weights)) throw new InvalidDataException($"The model at '{folder}' names weights '{manifest.Files.Weights}', which are missing.");
        var target = DeviceSelector.Resolve(device);
        var network = new SequenceVae(manifest.Model, new Vocabulary(manifest.Vocabulary));
        try
        {
            network.load(weights);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            network.Dispose();
            throw new InvalidDataException($"The weights file '{weights}' cannot be read (damaged, truncated, or written for other network sizes): {e.Message}", e);
        }
        network.to(target);
        network.eval();
        return new LatentModel(manifest, network, target, folder, precision);
    }

    /// <summary>Posterior mean and log-variance of each tokenized item (ids without specials).</summary>
    public LatentCode[] Encode(IReadOnlyList<int[]> items)
    {
        var result = new LatentCode[items.Count];
        using var _ = no_grad();
        var network = Compute;
        foreach (var chunk in ByLength(items))
        {
            using var scope = NewDisposeScope();
            var (tokens, lengths) = Pad(chunk.Select(i => items[i]).ToArray());
            var (mu, logvar) = network.Encode(tokens, lengths);
            var means = ToRows(mu);
            var logvars = ToRows(logvar);
            for (int k = 0; k < chunk.Length; k++) result[chunk[k]] = new LatentCode(means[k], logvars[k]);
        }
        return result;
    }

    /// <summary>
    /// Decodes latent vectors with the given options and optional domain constraint. Token-level strategies only:
    /// <see cref="DecodeStrategy.Consistent"/> needs the domain's validator, so it is refused here and carried out by
    /// <c>PointDecoder</c>. Sampled row b is seeded by its index in <paramref name="z"/> (see <see cref="DecodeOptions.Seed"/>).
    /// With <paramref name="enough"/> and a <see cref="DecodeOptions.SeedPeriod"/>, the rows of one period form a group
    /// whose decoding ends as soon as one of its finished rows satisfies it (row index, sequence); the group's rows still
    /// running come back unfinished.
    /// </summary>
    public DecodedSequence[] Decode(IReadOnlyList<float[]> z, DecodeOptions options, IDecodingConstraint? constraint,
        Func<int, DecodedSequence, bool>? enough = null)
    {
        if (options.Strategy == DecodeStrategy.Consistent)
            throw new ArgumentException("Consistent decoding chooses among decodes by their encodings and needs the domain's validator; decode through the domain's PointDecoder.", nameof(options));
        CheckWidth(z);
        using var _ = no_grad();
        // Chunks hold whole seed periods, so a group never straddles two.
        var chunk = options.SeedPeriod > 0 ? Math.Max(1, Batch / options.SeedPeriod) * options.SeedPeriod : Batch;
        var result = new List<DecodedSequence>(z.Count);
        for (int start = 0; start < z.Count; start += chunk)
        {
            var offset = start;
            result.AddRange(Decoder.Decode(z.Skip(start).Take(chunk).ToArray(), options, constraint, offset,
                enough is null ? null : (row, sequence) => enough(offset + row, sequence)));
        }
        return [.. result];
    }

    /// <summary>Beam search's <paramref name="width"/> most likely decodes of one latent vector, best first.</summary>
    public DecodedSequence[] DecodeCandidates(float[] z, int width, IDecodingConstraint? constraint) => DecodeCandidates([z], width, constraint)[0];

    /// <summary>
    /// Beam search's <paramref name="width"/> most likely decodes of each latent vector, best first; the vectors are
    /// searched together, a batch of them at a time. With <paramref name="enough"/>, a vector's search ends as soon as one
    /// of its finished hypotheses satisfies it (vector index, hypothesis), with the hypotheses found by then.
    /// </summary>
    public DecodedSequence[][] DecodeCandidates(IReadOnlyList<float[]> z, int width, IDecodingConstraint? constraint,
        Func<int, DecodedSequence, bool>? enough = null)
    {
        CheckWidth(z);
        using var _ = no_grad();
        var chunk = Math.Max(1, Batch / Math.Max(1, width));
        var result = new List<DecodedSequence[]>(z.Count);
        for (int start = 0; start < z.Count; start += chunk)
        {
            var offset = start;
            result.AddRange(Decoder.Candidates(z.Skip(start).Take(chunk).ToArray(), width, constraint,
                enough is null ? null : (row, sequence) => enough(offset + row, sequence)));
        }
        return [.. result];
    }

    /// <summary>Property-head predictions in the properties' own units (rows follow <see cref="VaeConfig.PropertyNames"/>).</summary>
    public float[][] PredictProperties(IReadOnlyList<float[]> z)
    {
        CheckWidth(z);
        if (Manifest.Model.PropertyNames.Count == 0) return z.Select(_ => Array.Empty<float>()).ToArray();
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        var rows = ToRows(Network.PredictProperties(Rows(z))!);
        foreach (var row in rows) Unscale(row);
        return rows;
    }

    /// <summary>Tag probabilities (softmax over <see cref="VaeConfig.TagNames"/>) for each z.</summary>
    public float[][] PredictTags(IReadOnlyList<float[]> z)
    {
        CheckWidth(z);
        if (Manifest.Model.TagNames.Count == 0) return z.Select(_ => Array.Empty<float>()).ToArray();
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        return ToRows(Network.PredictTags(Rows(z))!.softmax(1));
    }

    // Posterior means of reference training items (empty when the checkpoint has none).
    private float[][] ReferenceLatents => _reference ??= LoadReference();

    /// <summary>OOD score per z: mean distance to the k nearest reference latents over the calibrated threshold (&gt; 1 = unusual).</summary>
    public double[] OodScores(IReadOnlyList<float[]> z)
    {
        var ood = Manifest.Ood;
        if (ood is null || ReferenceLatents.Length == 0) return z.Select(_ => double.NaN).ToArray();
        return z.Select(v => OutOfDistribution.MeanNeighbourDistance(v, ReferenceLatents, ood.Neighbours, skipSelf: false) / ood.Threshold).ToArray();
    }

    /// <summary>Whether a canonical item text is absent from the training data (null when the model has no hashes).</summary>
    public bool? IsNovel(string canonicalText)
    {
        _hashes ??= Folder is not null && Manifest.Files.TrainingHashes.Length > 0
            ? CheckpointStore.ReadHashes(Path.Combine(Folder, Manifest.Files.TrainingHashes)) : [];
        if (_hashes.Length == 0) return null;
        return Array.BinarySearch(_hashes, StableHash.Of(canonicalText)) < 0;
    }

    /// <summary>Forgets derived state after the weights changed (training).</summary>
    internal void WeightsChanged()
    {
        _decoder?.Dispose();
        _decoder = null;
        _compute?.Dispose();
        _compute = null;
    }

    internal Tensor Rows(IReadOnlyList<float[]> z)
    {
        var flat = new float[z.Count * LatentSize];
        for (int i = 0; i < z.Count; i++) z[i].CopyTo(flat, i * LatentSize);
        return tensor(flat, [z.Count, LatentSize], device: Device);
    }

    internal static float[][] ToRows(Tensor t)
    {
        using var host = t.detach().cpu().to(ScalarType.Float32).contiguous();
        var all = host.data<float>().ToArray();
        int rows = (int)host.shape[0], width = (int)host.shape[1];
        return Enumerable.Range(0, rows).Select(r => all.AsSpan(r * width, width).ToArray()).ToArray();
    }

    internal (Tensor Tokens, Tensor? Lengths) Pad(IReadOnlyList<int[]> items)
    {
        int len = Math.Max(1, items.Max(i => i.Length));
        var ids = new long[items.Count * len];
        for (int i = 0; i < items.Count; i++)
            for (int j = 0; j < items[i].Length; j++) ids[i * len + j] = items[i][j];
        var ragged = items.Any(i => i.Length != len);
        return (tensor(ids, [items.Count, len], device: Device),
            ragged ? tensor(items.Select(i => (long)Math.Max(1, i.Length)).ToArray()) : null);
    }

    /// <summary>Index chunks of at most <see cref="Batch"/> items, sorted by length so most chunks need no packing.</summary>
    internal static IEnumerable<int[]> ByLength(IReadOnlyList<int[]> items) =>
        Enumerable.Range(0, items.Count).OrderBy(i => items[i].Length).Chunk(Batch);

    private void Unscale(float[] row)
    {
        var names = Manifest.Model.PropertyNames;
        for (int k = 0; k < names.Count; k++)
            if (Manifest.PropertyScaling.TryGetValue(names[k], out var s)) row[k] = (float)(row[k] * s.Std + s.Mean);
    }

    private float[][] LoadReference() =>
        Folder is not null && Manifest.Files.Reference.Length > 0 && File.Exists(Path.Combine(Folder, Manifest.Files.Reference))
            ? CheckpointStore.ReadMatrix(Path.Combine(Folder, Manifest.Files.Reference)) : [];

    internal void SetReference(float[][] reference) => _reference = reference;

    private void CheckWidth(IReadOnlyList<float[]> z)
    {
        foreach (var row in z)
            if (row.Length != LatentSize) throw new ArgumentException($"A latent vector has {row.Length} values; this model's latent size is {LatentSize}.");
    }

    /// <summary>Releases the network and decoder.</summary>
    public void Dispose()
    {
        _decoder?.Dispose();
        _compute?.Dispose();
        Network.Dispose();
    }
}
