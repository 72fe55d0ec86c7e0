// Event-grouped decoding: the decoder GRU steps once per event (a group of tokens such as a note's fields) and the
// tokens inside an event come from chained field heads (Compound Word Transformer, Hsiao et al. 2021), which keeps
// the autoregressive chain short, as MusicVAE and PianoTree VAE show reconstruction needs.
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace LatentWorkbench.Core.Models;

/// <summary>
/// The event decoder's own weights and its teacher-forced pass. Event t's GRU input is the sum of the embeddings of
/// event t-1's tokens (the begin token's for t = 0) with z; the token at sub-position k of event t has logits
/// W_out tanh(h_t + sum of C[token j] over the event's tokens j before k). Field names are checkpoint keys.
/// </summary>
internal sealed class EventHead : Module
{
    private readonly Embedding chain; // C (V, H)

    public EventHead(int vocabularySize, int hidden, bool[] startsEvent) : base("event_head")
    {
        if (startsEvent.Length != vocabularySize) throw new ArgumentException("One entry per token is needed.", nameof(startsEvent));
        StartsEvent = startsEvent;
        chain = Embedding(vocabularySize, hidden);
        // Small, as in GPT-2's embeddings: the sums start near zero, so the head starts from tanh(h_t) alone.
        using (no_grad()) init.normal_(chain.weight!, 0, 0.02);
        RegisterComponents();
    }

    /// <summary>Per token id: whether, as a decoder input, it starts a new event (the begin token and the event-ending tokens).</summary>
    public bool[] StartsEvent { get; }

    /// <summary>The chain table C (V, H).</summary>
    public Tensor Chain => chain.weight!;

    /// <summary>Which token ids start an event as inputs: <paramref name="config"/>'s event-ending tokens and the begin token.</summary>
    public static bool[] Starts(VaeConfig config, Vocabulary vocabulary)
    {
        var starts = new bool[vocabulary.Count];
        starts[vocabulary.Specials.Bos] = true;
        foreach (var token in config.EventEndTokens)
        {
            var id = vocabulary.IdOf(token);
            if (id < 0) throw new InvalidDataException($"The event-ending token '{token}' is not in the model's vocabulary.");
            if (id == vocabulary.Specials.Pad || id == vocabulary.Specials.Bos)
                throw new InvalidDataException($"'{token}' cannot end an event: it is never an item's token.");
            starts[id] = true;
        }
        return starts;
    }

    /// <summary>Logits (B, P, V) for decoder inputs (B, P) = [bos, tokens, pad...] given z (B, Z) and the GRU's initial state h0 (B, H).</summary>
    public Tensor TeacherForced(Tensor z, Tensor decoderInput, Tensor h0, Embedding embedding, GRU decoder, Linear output)
    {
        var device = decoderInput.device;
        long batch = decoderInput.shape[0], hidden = h0.shape[1];
        var isStart = tensor(StartsEvent, device: device).index_select(0, decoderInput.flatten()).view_as(decoderInput); // (B, P) bool
        var start = isStart.to(ScalarType.Int64);
        var eventOf = start.cumsum(1) - 1;                   // (B, P) the event each position's logits belong to
        var inputOf = eventOf + 1 - start;                   // (B, P) the event whose GRU input each position's token is part of
        var events = eventOf.max().item<long>() + 1;         // E
        var embedded = embedding.call(decoderInput);         // (B, P, Emb)
        var valid = decoderInput.ne(0).unsqueeze(2).to(embedded.dtype); // (B, P, 1) padding carries nothing
        var width = embedded.shape[2];
        var sums = zeros(batch, events + 1, width, embedded.dtype, device)
            .scatter_add(1, inputOf.unsqueeze(2).expand(-1, -1, width), embedded * valid).narrow(1, 0, events); // (B, E, Emb)
        var zEvents = z.unsqueeze(1).expand(-1, events, -1);                                                  // (B, E, Z)
        var (states, _) = decoder.call(cat([sums, zEvents], 2), h0.unsqueeze(0));                              // (B, E, H)
        var perPosition = states.gather(1, eventOf.unsqueeze(2).expand(-1, -1, hidden));                       // (B, P, H)
        return output.call(functional.tanh(perPosition + WithinEvent(decoderInput, isStart, eventOf, events, valid)));
    }

    /// <summary>Sum of C over each position's earlier tokens in its own event (B, P, H), zero at an event's first position.</summary>
    private Tensor WithinEvent(Tensor decoderInput, Tensor isStart, Tensor eventOf, long events, Tensor valid)
    {
        var inside = chain.call(decoderInput) * (valid * isStart.logical_not().unsqueeze(2).to(valid.dtype)); // (B, P, H)
        // Running sum in float32 (bfloat16 would lose the small differences), less its value where the event began:
        // C is zero at an event's first position, so that value is the sum over all earlier events.
        var running = inside.to(ScalarType.Float32).cumsum(1);                                                 // (B, P, H)
        var hidden = running.shape[2];
        var index = eventOf.unsqueeze(2).expand(-1, -1, hidden);
        var atStart = zeros(running.shape[0], events, hidden, ScalarType.Float32, running.device)
            .scatter_add(1, index, running * isStart.unsqueeze(2).to(ScalarType.Float32));                     // (B, E, H)
        return (running - atStart.gather(1, index)).to(inside.dtype);
    }
}
