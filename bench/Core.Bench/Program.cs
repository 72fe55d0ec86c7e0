// Benchmark of the latent engine on the benchmark VAE of ../shared/bench/README.md: training, encoding and greedy
// decoding throughput against the float32 GEMM ceiling measured in the same process, and single-sequence decoding per
// token against the matrix-vector ceiling of one step (also measured here). Prints one JSON line.
// --precision bf16 runs training (mixed precision), encoding and batched decoding in bfloat16 and also reports how far
// its latents and greedy decodes are from float32 ones on the same weights.
using System.Diagnostics;
using System.Text.Json;
using LatentWorkbench.Core.Bench;
using LatentWorkbench.Core.Checkpoints;
using LatentWorkbench.Core.Latent;
using LatentWorkbench.Core.Latent.Decoding;
using LatentWorkbench.Core.Models;
using LatentWorkbench.Core.Runtime;
using LatentWorkbench.Core.Training;
using static TorchSharp.torch;

const int Vocab = 48, Length = 60, TrainBatch = 128, InferBatch = 256;
const double TrainFlopPerToken = 8_994_816, EncodeFlopPerSeq = 58_982_400, DecodeFlopPerSeq = 118_898_688;
var json = args.Contains("--json");
var precisionAt = Array.IndexOf(args, "--precision");
var precision = PrecisionSelector.Parse(precisionAt >= 0 && precisionAt + 1 < args.Length ? args[precisionAt + 1] : "fp32");
random.manual_seed(1);
// The ceiling is measured before and after the work and the higher figure is used: on a shared virtual machine the
// GEMM rate moves by up to 2x between minutes, and a ceiling caught in a slow moment would inflate every ratio.
var gemmBefore = Measure.GemmGflops();
var config = new VaeConfig { EmbeddingSize = 64, EncoderHidden = 256, LatentSize = 64, DecoderHidden = 512, MaxLength = Length };
var vocabulary = new Vocabulary(["<pad>", "<bos>", "<eos>", "<unk>", .. Enumerable.Range(0, Vocab - 4).Select(i => $"t{i}")]);
var manifest = new CheckpointManifest { DomainId = "bench", Vocabulary = vocabulary.Tokens, Model = config, Training = new TrainingSettings() };
using var model = new LatentModel(manifest, new SequenceVae(config, vocabulary), CPU, null, precision);
var rng = new Random(1);
var ragged = args.Contains("--ragged");
EncodedItem Item() => new(Enumerable.Range(0, ragged ? rng.Next(30, Length) : Length - 1).Select(_ => rng.Next(4, Vocab)).ToArray(), [], -1);

// Training: tokens per target position (59 item tokens + end = 60 per sequence).
var trainItems = Enumerable.Range(0, TrainBatch).Select(_ => Item()).ToArray();
var optimizer = optim.AdamW(model.Network.parameters(), 1e-3);
var settings = new TrainingSettings { WordDropout = 0, Precision = precision };
using var step = new TrainingStep(model.Network, optimizer, settings, CPU);
void TrainStep()
{
    using var scope = NewDisposeScope();
    step.Run(TrainingBatch.Build(trainItems, 0, false, 0, rng, CPU), 1.0);
}
model.Network.train();
var trainSeconds = Measure.Seconds(TrainStep, warmup: 2, runs: 8);
var trainTokensPerSecond = TrainBatch * Length / trainSeconds;
model.Network.eval();

var encodeItems = Enumerable.Range(0, InferBatch).Select(_ => Item().Tokens).ToArray();
var encodeSeconds = Measure.Seconds(() => model.Encode(encodeItems), warmup: 2, runs: 8);
var z = model.Encode(encodeItems).Select(c => c.Mean).ToArray();
var fullLength = new FullLengthConstraint(vocabulary.Specials.Eos);
var options = DecodeOptions.Default with { MaxLength = Length };
var decodeSeconds = Measure.Seconds(() => model.Decode(z, options, fullLength), warmup: 1, runs: 5);
var singleSeconds = Measure.Seconds(() => model.Decode([z[0]], options, fullLength), warmup: 5, runs: 30);
var gemmAfter = Measure.GemmGflops();
var gemvStep = Measure.GemvStepSeconds(config.DecoderHidden, Vocab);
// Accuracy of the reduced precision against float32 on the same (trained-for-a-few-steps) weights.
double latentError = 0, tokenAgreement = 1;
if (precision != Precision.Fp32)
{
    var reference = new LatentModel(manifest, model.Network, CPU, null); // shares the weights; not disposed (it would dispose them)
    var exact = reference.Encode(encodeItems);
    var fast = model.Encode(encodeItems);
    latentError = exact.Zip(fast).Average(p => Math.Sqrt(p.First.Mean.Zip(p.Second.Mean).Sum(x => (x.First - x.Second) * (x.First - x.Second))
        / Math.Max(1e-12, p.First.Mean.Sum(x => x * x))));
    var exactTokens = reference.Decode(z, options, fullLength);
    var fastTokens = model.Decode(z, options, fullLength);
    tokenAgreement = exactTokens.Zip(fastTokens).Average(p => p.First.TokenIds.Zip(p.Second.TokenIds).Count(t => t.First == t.Second) / (double)Math.Max(1, p.First.TokenIds.Length));
}
var gemm = Math.Max(gemmBefore, gemmAfter);

var result = new Dictionary<string, double>
{
    ["train_tokens_per_s"] = trainTokensPerSecond,
    ["encode_seqs_per_s"] = InferBatch / encodeSeconds,
    ["greedy_decode_seqs_per_s"] = InferBatch / decodeSeconds,
    ["greedy_decode_single_ms"] = singleSeconds * 1000,
    // Per token of single-sequence decoding against the matrix-vector products a step needs, timed on this host now.
    ["greedy_decode_single_token_us"] = singleSeconds / Length * 1e6,
    ["gemv_step_ceiling_us"] = gemvStep * 1e6,
    ["single_decode_vs_gemv_ceiling"] = singleSeconds / Length / gemvStep,
    ["gemm_gflops"] = gemm,
    ["gemm_gflops_before"] = gemmBefore,
    ["gemm_gflops_after"] = gemmAfter,
    ["train_gflops"] = trainTokensPerSecond * TrainFlopPerToken / 1e9,
    ["train_efficiency"] = trainTokensPerSecond * TrainFlopPerToken / 1e9 / gemm,
    ["encode_efficiency"] = InferBatch / encodeSeconds * EncodeFlopPerSeq / 1e9 / gemm,
    ["decode_efficiency"] = InferBatch / decodeSeconds * DecodeFlopPerSeq / 1e9 / gemm,
    ["threads"] = get_num_threads(),
    ["bf16"] = precision == Precision.Bf16 ? 1 : 0,
    ["latent_relative_error_vs_fp32"] = latentError,
    ["greedy_token_agreement_vs_fp32"] = tokenAgreement,
};
var rounded = result.ToDictionary(kv => kv.Key, kv => Math.Round(kv.Value, 3));
Console.WriteLine(json ? JsonSerializer.Serialize(rounded) : string.Join(Environment.NewLine, rounded.Select(kv => $"{kv.Key,-26} {kv.Value}")));
