// Sequence VAE (Bowman et al. 2016; Gomez-Bombarelli et al. 2018): bidirectional GRU encoder -> (mu, logvar),
// GRU decoder conditioned on z through its initial state and every input step, optional property and tag heads.
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace LatentWorkbench.Core.Models;

/// <summary>Outputs of one teacher-forced pass.</summary>
internal sealed record VaeOutput(Tensor Logits, Tensor Mu, Tensor LogVar, Tensor Z, Tensor? Properties, Tensor? TagLogits)
{
    /// <summary>The same outputs in float32 (losses are computed in float32 whatever the network's precision).</summary>
    public VaeOutput ToFloat32() => Logits.dtype == ScalarType.Float32 ? this : new VaeOutput(Logits.to(ScalarType.Float32), Mu.to(ScalarType.Float32),
        LogVar.to(ScalarType.Float32), Z.to(ScalarType.Float32), Properties?.to(ScalarType.Float32), TagLogits?.to(ScalarType.Float32));
}

/// <summary>The network. Field names are checkpoint keys: renaming one breaks saved models.</summary>
internal sealed class SequenceVae : Module<Tensor, Tensor, VaeOutput>
{
    private readonly Embedding embedding;
    private readonly GRU encoder_fwd;
    private readonly GRU encoder_bwd;
    private readonly Linear to_mu;
    private readonly Linear to_logvar;
    private readonly Linear latent_to_hidden;
    private readonly GRU decoder;
    private readonly Linear output;
    private readonly Sequential? property_head;
    private readonly Linear? tag_head;
    private readonly EventHead? event_head;

    /// <summary>The network for <paramref name="config"/> over <paramref name="vocabulary"/> (which names the event-ending tokens' ids).</summary>
    public SequenceVae(VaeConfig config, Vocabulary vocabulary) : this(config, vocabulary.Count,
        config.EventEndTokens.Count > 0 ? EventHead.Starts(config, vocabulary) : null)
    {
    }

    private SequenceVae(VaeConfig config, int vocabularySize, bool[]? startsEvent) : base("sequence_vae")
    {
        Config = config;
        VocabularySize = vocabularySize;
        embedding = Embedding(vocabularySize, config.EmbeddingSize, padding_idx: 0);
        // Two one-directional GRUs rather than one bidirectional GRU over packed sequences: libtorch's packed
        // path is ~25x slower on CPU. The backward GRU reads each item reversed within its own length.
        encoder_fwd = GRU(config.EmbeddingSize, config.EncoderHidden, config.EncoderLayers, batchFirst: true);
        encoder_bwd = GRU(config.EmbeddingSize, config.EncoderHidden, config.EncoderLayers, batchFirst: true);
        var encoded = 2 * config.EncoderHidden;
        to_mu = Linear(encoded, config.LatentSize);
        to_logvar = Linear(encoded, config.LatentSize);
        latent_to_hidden = Linear(config.LatentSize, config.DecoderHidden);
        decoder = GRU(config.EmbeddingSize + config.LatentSize, config.DecoderHidden, 1, batchFirst: true);
        output = Linear(config.DecoderHidden, vocabularySize);
        if (config.PropertyNames.Count > 0)
        {
            property_head = config.PropertyHeadHidden > 0
                ? Sequential(Linear(config.LatentSize, config.PropertyHeadHidden), Tanh(),
                    Linear(config.PropertyHeadHidden, config.PropertyHeadHidden), Tanh(),
                    Linear(config.PropertyHeadHidden, config.PropertyNames.Count))
                : Sequential(Linear(config.LatentSize, config.PropertyNames.Count));
        }
        if (config.TagNames.Count > 0) tag_head = Linear(config.LatentSize, config.TagNames.Count);
        if (startsEvent is not null) event_head = new EventHead(vocabularySize, config.DecoderHidden, startsEvent);
        RegisterComponents();
    }

    public VaeConfig Config { get; }

    /// <summary>The property heads (null without properties), for refitting them alone.</summary>
    public Sequential? PropertyHead => property_head;

    /// <summary>
    /// The number of parameters of the network for <paramref name="config"/> over <paramref name="vocabularySize"/>
    /// tokens, computed without building it (a checkpoint's weights file holds at least this many float32 values).
    /// </summary>
    public static long ParameterCount(VaeConfig config, int vocabularySize)
    {
        ArgumentNullException.ThrowIfNull(config);
        long v = vocabularySize, e = config.EmbeddingSize, h = config.EncoderHidden, z = config.LatentSize, d = config.DecoderHidden;
        long Gru(long input, long hidden, int layers) => 3 * hidden * input + 3 * hidden * hidden + 6 * hidden + (layers - 1) * (6 * hidden * hidden + 6 * hidden);
        long p = config.PropertyNames.Count, ph = config.PropertyHeadHidden, t = config.TagNames.Count;
        var count = v * e + 2 * Gru(e, h, config.EncoderLayers) + 2 * (2 * h * z + z) + (z * d + d) + Gru(e + z, d, 1) + (d * v + v);
        if (p > 0) count += ph > 0 ? z * ph + ph + ph * ph + ph + ph * p + p : z * p + p;
        if (t > 0) count += z * t + t;
        if (config.EventEndTokens.Count > 0) count += v * d;
        return count;
    }

    public int VocabularySize { get; }

    /// <summary>Teacher-forced pass. encoderInput (B, T) item tokens; decoderInput (B, T+1) = [bos, tokens].</summary>
    public override VaeOutput forward(Tensor encoderInput, Tensor decoderInput)
    {
        var (mu, logvar) = Encode(encoderInput, null);
        var z = training ? mu + exp(0.5 * logvar) * randn_like(mu) : mu;
        var logits = DecodeTeacherForced(z, decoderInput);
        return new VaeOutput(logits, mu, logvar, z, PredictProperties(z), PredictTags(z));
    }

    /// <summary>
    /// Posterior parameters. tokens (B, T) padded with 0 after each item; lengths (B) or null when all are T long. An
    /// event model's encoder steps once per event, over the sum of the event's token embeddings, as its decoder does.
    /// </summary>
    public (Tensor Mu, Tensor LogVar) Encode(Tensor tokens, Tensor? lengths)
    {
        var (steps, stepLengths) = event_head is null ? (embedding.call(tokens), lengths) : EventSums(tokens);
        var (batch, count, width) = (steps.shape[0], steps.shape[1], steps.shape[2]);
        Tensor reversed, last; // last: index of each item's final step, (B, 1, H)
        if (stepLengths is null)
        {
            reversed = steps.flip(1);
            last = full(batch, 1, Config.EncoderHidden, count - 1, dtype: ScalarType.Int64, device: steps.device);
        }
        else
        {
            var lens = stepLengths.to(ScalarType.Int64).to(steps.device).unsqueeze(1);        // (B, 1)
            var positions = arange(count, dtype: ScalarType.Int64, device: steps.device).unsqueeze(0); // (1, S)
            var source = where(positions.lt(lens), lens - 1 - positions, positions);          // reverse within length
            reversed = steps.gather(1, source.unsqueeze(2).expand(-1, -1, width));
            last = (lens - 1).unsqueeze(2).expand(-1, 1, Config.EncoderHidden);
        }
        var (forward, _) = encoder_fwd.call(steps, null);    // (B, S, H)
        var (backward, _) = encoder_bwd.call(reversed, null); // (B, S, H)
        var summary = cat([forward.gather(1, last).squeeze(1), backward.gather(1, last).squeeze(1)], 1); // (B, 2H)
        return (to_mu.call(summary), to_logvar.call(summary));
    }

    /// <summary>
    /// An event model's encoder steps: per item, the sum of each event's token embeddings (B, E, Emb), events ending
    /// at the event-ending tokens (a last event may end without one), and the number of events of each item (B).
    /// </summary>
    private (Tensor Sums, Tensor Counts) EventSums(Tensor tokens)
    {
        var ends = tensor(event_head!.StartsEvent, device: tokens.device).index_select(0, tokens.flatten()).view_as(tokens).to(ScalarType.Int64);
        var valid = tokens.ne(0);                                             // (B, T)
        var eventOf = ends.cumsum(1) - ends;                                  // (B, T) events ended before each token
        var counts = where(valid, eventOf, -1).max(1).values + 1;             // (B)
        var events = Math.Max(1, counts.max().item<long>());
        var embedded = embedding.call(tokens);                                // (B, T, Emb)
        embedded = embedded * valid.unsqueeze(2).to(embedded.dtype);          // padding carries nothing
        var width = embedded.shape[2];
        var index = eventOf.clamp_max(events - 1).unsqueeze(2).expand(-1, -1, width);
        var sums = zeros(tokens.shape[0], events, width, embedded.dtype, tokens.device).scatter_add(1, index, embedded);
        return (sums, counts.clamp_min(1).cpu());
    }

    /// <summary>Initial decoder state from z: (B, H).</summary>
    public Tensor InitialState(Tensor z) => functional.tanh(latent_to_hidden.call(z));

    /// <summary>Per token id, whether it starts an event as a decoder input; null for the flat decoder.</summary>
    public bool[]? StartsEvent => event_head?.StartsEvent;

    /// <summary>Logits (B, T, V) for decoder inputs (B, T) given z (B, Z); position t predicts the token after input t.</summary>
    public Tensor DecodeTeacherForced(Tensor z, Tensor decoderInput)
    {
        if (event_head is not null) return event_head.TeacherForced(z, decoderInput, InitialState(z), embedding, decoder, output);
        var steps = decoderInput.shape[1];
        var embedded = embedding.call(decoderInput); // (B, T, E)
        var zSteps = z.unsqueeze(1).expand(-1, steps, -1); // (B, T, Z)
        var (outputs, _) = decoder.call(cat([embedded, zSteps], 2), InitialState(z).unsqueeze(0)); // (B, T, H)
        return output.call(outputs);
    }

    public Tensor? PredictProperties(Tensor z) => property_head?.call(z);

    public Tensor? PredictTags(Tensor z) => tag_head?.call(z);

    /// <summary>A copy of this network with its parameters in <paramref name="type"/> on <paramref name="device"/> (e.g. bfloat16 for fast inference).</summary>
    public SequenceVae CopyAs(ScalarType type, Device device)
    {
        var copy = new SequenceVae(Config, VocabularySize, StartsEvent);
        copy.to(device);
        copy.to(type);
        // The converted parameters are new tensors: keep them out of any dispose scope the caller is in, or they are
        // disposed with it and the copy silently loses its GRU and embedding weights.
        foreach (var parameter in copy.parameters()) parameter.DetachFromDisposeScope();
        copy.CopyParametersFrom(this);
        return copy;
    }

    /// <summary>Overwrites this network's parameters with <paramref name="source"/>'s, converting the number type.</summary>
    public void CopyParametersFrom(SequenceVae source)
    {
        using var _ = no_grad();
        foreach (var (target, from) in parameters().Zip(source.parameters())) target.copy_(from);
    }

    /// <summary>Weights the step decoder needs, read once per model load (inference only).</summary>
    public DecoderWeights ExportDecoderWeights()
    {
        using var _ = no_grad();
        var parameters = decoder.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        var e = Config.EmbeddingSize;
        var wih = parameters["weight_ih_l0"]; // (3H, E + Z)
        // Token part of the input projection as a lookup table: (V, 3H); constant between steps. The event decoder sums
        // it over an event's tokens, so there the input bias stays apart, to be added once per event.
        var tokenTable = embedding.weight!.matmul(wih.narrow(1, 0, e).t());
        if (event_head is null) tokenTable += parameters["bias_ih_l0"];
        return new DecoderWeights(
            latent_to_hidden.weight!.t().contiguous().DetachFromDisposeScope(),
            latent_to_hidden.bias!.detach().clone().DetachFromDisposeScope(),
            tokenTable.detach().DetachFromDisposeScope(),
            wih.narrow(1, e, Config.LatentSize).t().contiguous().DetachFromDisposeScope(),
            parameters["weight_hh_l0"].t().contiguous().DetachFromDisposeScope(),
            parameters["bias_hh_l0"].detach().clone().DetachFromDisposeScope(),
            output.weight!.t().contiguous().DetachFromDisposeScope(),
            output.bias!.detach().clone().DetachFromDisposeScope())
        {
            Chain = event_head?.Chain.detach().clone().DetachFromDisposeScope(),
            InputBias = event_head is null ? null : parameters["bias_ih_l0"].detach().clone().DetachFromDisposeScope(),
            StartsEvent = event_head?.StartsEvent,
        };
    }
}
