using System.Text.Json;
using LatentWorkbench.Core.Domains;
using LatentWorkbench.Core.Tests.Toy;

namespace LatentWorkbench.Cli.Tests.Commands;

/// <summary>The `latent` commands end to end on the toy domain: train, then every model command, and the exit codes.</summary>
public sealed class CliToyTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("latent-cli-").FullName;

    private static (int Code, string Out, string Err) Run(params string[] args) => CliRun.With([new ToyDomain()], args);

    private string TrainedModel()
    {
        var data = Path.Combine(_folder, "train.txt");
        File.WriteAllLines(data, ToyDomain.Generate(1500, 11));
        var model = Path.Combine(_folder, "model");
        var (code, _, err) = Run("train", "--domain", "toy", "--data", data, "--out", model, "--epochs", "4", "--device", "cpu");
        Assert.True(code == 0, err);
        return model;
    }

    [Fact]
    public void ModelCommands_AfterTraining_PrintJsonAndSucceed()
    {
        var model = TrainedModel();
        var (code, json, err) = Run("interpolate", "--domain", "toy", "--model", model, "--from", "ABCD", "--to", "HEHE", "--steps", "5", "--json");
        Assert.True(code == 0, err);
        var points = JsonDocument.Parse(json).RootElement.GetProperty("points");
        Assert.Equal(5, points.GetArrayLength());
        foreach (var key in new[] { "t", "letters", "valid", "novel", "properties", "similarity_to_from", "similarity_to_to", "ood_score" })
            Assert.True(points[0].TryGetProperty(key, out _), key);
        var (smoothCode, smooth, smoothErr) = Run("interpolate", "--domain", "toy", "--model", model, "--from", "ABCD", "--to", "HEHE", "--steps", "5", "--smooth", "--json");
        Assert.True(smoothCode == 0, smoothErr);
        var smoothPoints = JsonDocument.Parse(smooth).RootElement.GetProperty("points");
        Assert.Equal(points[0].GetProperty("letters").GetString(), smoothPoints[0].GetProperty("letters").GetString());
        Assert.Equal(points[4].GetProperty("letters").GetString(), smoothPoints[4].GetProperty("letters").GetString());

        Assert.Equal(0, Run("sample", "--domain", "toy", "--model", model, "-n", "5", "--json").Code);
        var encodeFile = Path.Combine(_folder, "codes.json");
        Assert.Equal(0, Run("encode", "--domain", "toy", "--model", model, "ABC", "HAH", "--json", encodeFile).Code);
        var (decodeCode, decoded, _) = Run("decode", "--domain", "toy", "--model", model, "--input", encodeFile, "--json");
        Assert.Equal(0, decodeCode);
        Assert.Equal(2, JsonDocument.Parse(decoded).RootElement.GetProperty("points").GetArrayLength());
        var (consistentCode, consistent, consistentErr) = Run("decode", "--domain", "toy", "--model", model, "--input", encodeFile, "--strategy", "consistent", "--json");
        Assert.True(consistentCode == 0, consistentErr);
        Assert.All(JsonDocument.Parse(consistent).RootElement.GetProperty("points").EnumerateArray(), p => Assert.True(p.GetProperty("valid").GetBoolean()));
        var (beamPathCode, beamPath, beamPathErr) = Run("interpolate", "--domain", "toy", "--model", model, "--from", "ABCD", "--to", "HEHE", "--steps", "4", "--strategy", "beam", "--beam-width", "3", "--json");
        Assert.True(beamPathCode == 0, beamPathErr);
        Assert.Equal(4, JsonDocument.Parse(beamPath).RootElement.GetProperty("points").GetArrayLength());
        Assert.Equal(1, Run("interpolate", "--domain", "toy", "--model", model, "--from", "ABCD", "--to", "HEHE", "--strategy", "psychic").Code); // usage error
        var (navCode, nav, navErr) = Run("navigate", "--domain", "toy", "--model", model, "--from", "BCDE", "--objective", "a_share:max", "--json");
        Assert.True(navCode == 0, navErr);
        Assert.True(JsonDocument.Parse(nav).RootElement.TryGetProperty("best", out _));
        var (evalCode, eval, evalErr) = Run("evaluate", "--domain", "toy", "--model", model, "--data", Path.Combine(_folder, "train.txt"), "--samples", "50", "--consistent", "--json");
        Assert.True(evalCode == 0, evalErr);
        var evaluation = JsonDocument.Parse(eval).RootElement;
        Assert.InRange(evaluation.GetProperty("consistent").GetProperty("recon_exact").GetDouble(), evaluation.GetProperty("recon_exact").GetDouble(), 1);
        Assert.True(JsonDocument.Parse(eval).RootElement.GetProperty("token_accuracy_teacher_forced").GetDouble() > 0.3);
        Assert.InRange(JsonDocument.Parse(eval).RootElement.GetProperty("token_accuracy_greedy").GetDouble(), 0.3, 1);

        // --out writes one file per valid point (text for a domain without a file format) and names it in the JSON.
        var outFolder = Path.Combine(_folder, "path");
        var (outCode, outJson, outErr) = Run("interpolate", "--domain", "toy", "--model", model, "--from", "ABCD", "--to", "HEHE", "--steps", "3", "--out", outFolder, "--json");
        Assert.True(outCode == 0, outErr);
        var first = JsonDocument.Parse(outJson).RootElement.GetProperty("points")[0];
        Assert.Equal(Path.Combine(outFolder, "step_00.txt"), first.GetProperty("file").GetString());
        Assert.Equal(first.GetProperty("letters").GetString(), File.ReadAllText(Path.Combine(outFolder, "step_00.txt")).Trim());
        Assert.InRange(first.GetProperty("distance_from_start").GetDouble(), 0, 1);
        Assert.Equal(2, Run("navigate", "--domain", "toy", "--model", model, "--from", "BCDE").Code); // neither --objective nor --attribute

        var (calCode, cal, calErr) = Run("calibrate", "--domain", "toy", "--model", model, "--data", Path.Combine(_folder, "train.txt"), "--items", "300", "--json");
        Assert.True(calCode == 0, calErr);
        Assert.True(JsonDocument.Parse(cal).RootElement.GetProperty("ood").GetProperty("threshold").GetDouble() > 0);

        // --attributes recomputes only the named vectors: the OOD reference stays; an unknown key names the known ones.
        var before = File.ReadAllText(Path.Combine(model, "config.json"));
        var (onlyCode, only, onlyErr) = Run("calibrate", "--domain", "toy", "--model", model, "--data", Path.Combine(_folder, "train.txt"), "--items", "100", "--attributes", "a_share", "--json");
        Assert.True(onlyCode == 0, onlyErr);
        Assert.Equal(JsonDocument.Parse(cal).RootElement.GetProperty("ood").GetProperty("threshold").GetDouble(),
            JsonDocument.Parse(only).RootElement.GetProperty("ood").GetProperty("threshold").GetDouble());
        Assert.NotEqual(before, File.ReadAllText(Path.Combine(model, "config.json")));
        var (badCode, _, badErr) = Run("calibrate", "--domain", "toy", "--model", model, "--data", Path.Combine(_folder, "train.txt"), "--attributes", "sparkle");
        Assert.Equal(2, badCode);
        Assert.Contains("a_share", badErr);
    }

    [Fact]
    public void RefitProperties_PrintsTheHeldOutErrorBeforeAndAfter_AndRefusesABadLearningRate()
    {
        var model = TrainedModel();
        var valid = Path.Combine(_folder, "valid.txt");
        File.WriteAllLines(valid, ToyDomain.Generate(300, 12));
        var (code, json, err) = Run("refit-properties", "--domain", "toy", "--model", model, "--data", Path.Combine(_folder, "train.txt"),
            "--valid", valid, "--epochs", "3", "--device", "cpu", "--json");
        Assert.True(code == 0, err);
        var result = JsonDocument.Parse(json).RootElement;
        Assert.True(result.GetProperty("held_out_mae_before").GetProperty("a_share").GetDouble() > 0);
        Assert.Equal(4, result.GetProperty("selection_by_epoch").GetArrayLength());
        Assert.Equal(result.GetProperty("weights").GetString(), JsonDocument.Parse(File.ReadAllText(Path.Combine(model, "config.json")))
            .RootElement.GetProperty("files").GetProperty("weights").GetString());
        Assert.Contains("epoch 3:", err);

        var (badCode, _, badErr) = Run("refit-properties", "--domain", "toy", "--model", model, "--data", Path.Combine(_folder, "train.txt"),
            "--valid", valid, "--learning-rate", "0");
        Assert.Equal(2, badCode);
        Assert.Contains("--learning-rate", badErr);
    }

    [Fact]
    public void SampleAround_DecodesTheNeighbourhoodOfOneItem()
    {
        var model = TrainedModel();
        var (code, json, err) = Run("sample", "--domain", "toy", "--model", model, "--around", "ABCD", "--radius", "0.8", "-n", "6", "--json");
        Assert.True(code == 0, err);
        var points = JsonDocument.Parse(json).RootElement.GetProperty("points").EnumerateArray().ToArray();
        Assert.Equal(6, points.Length);
        Assert.All(points.Where(p => p.GetProperty("valid").GetBoolean()), p => Assert.InRange(p.GetProperty("similarity_to_start").GetDouble(), 0, 1));
        // Radius 0 decodes the item's posterior mean each time: one item, however many samples.
        var (stillCode, still, stillErr) = Run("sample", "--domain", "toy", "--model", model, "--around", "ABCD", "--radius", "0", "-n", "3", "--json");
        Assert.True(stillCode == 0, stillErr);
        Assert.Single(JsonDocument.Parse(still).RootElement.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("letters").GetString()).Distinct());
        var (badCode, _, badErr) = Run("sample", "--domain", "toy", "--model", model, "--around", "ABZ");
        Assert.Equal(2, badCode);
        Assert.Contains("position 2", badErr);
        (badCode, _, badErr) = Run("sample", "--domain", "toy", "--model", model, "--around", "ABCD", "--radius", "-1");
        Assert.Equal(2, badCode);
        Assert.Contains("Radius", badErr);
        (badCode, _, badErr) = Run("sample", "--domain", "toy", "--model", model, "--bar", "2");
        Assert.Equal(2, badCode);
        Assert.Contains("--around", badErr);
    }

    [Fact]
    public void Domains_Json_ListsTheToyDomain()
    {
        var (code, json, _) = Run("domains", "--json");
        Assert.Equal(0, code);
        Assert.Equal("toy", JsonDocument.Parse(json).RootElement.GetProperty("domains")[0].GetProperty("id").GetString());
    }

    [Theory]
    [InlineData(1, "interpolate", "--domain", "toy")]                     // missing required options
    [InlineData(1, "no-such-command")]
    [InlineData(2, "interpolate", "--domain", "nope", "--from", "A", "--to", "B")] // unknown domain
    [InlineData(2, "sample", "--domain", "toy", "--model", "/nonexistent/model")]   // missing model
    [InlineData(1, "encode", "--domain", "toy", "--precision", "fp16", "ABC")]
    [InlineData(2, "train", "--domain", "toy", "--data", "/nonexistent.txt", "--out", "/tmp/x", "--kl-weight", "-1")]
    [InlineData(2, "train", "--domain", "toy", "--data", "/nonexistent.txt", "--out", "/tmp/x", "--learning-rate", "0")]
    public void BadCommandLines_GiveTheRightExitCode(int expected, params string[] args)
    {
        var (code, _, err) = Run(args);
        Assert.Equal(expected, code);
        Assert.False(string.IsNullOrWhiteSpace(err));
    }

    [Theory]
    [InlineData("--epochs", "5000", "Epochs must be between 1 and 1000 (got 5000).")]
    [InlineData("--kl-weight", "11", "The KL weight must be between 0 and 10 (got 11).")]
    [InlineData("--batch-size", "0", "The batch size must be between 1 and 65536 (got 0).")]
    public void Train_SettingsOutOfRange_ReportTheSharedValidatorsMessage(string option, string value, string expected)
    {
        var (code, _, err) = Run("train", "--domain", "toy", "--data", "/nonexistent.txt", "--out", Path.Combine(_folder, "never"), option, value);
        Assert.Equal(2, code);
        Assert.Contains(expected, err);
    }

    [Fact]
    public void Train_ModelConfig_ChangesOnlyTheNamedSizes()
    {
        var data = Path.Combine(_folder, "small.txt");
        File.WriteAllLines(data, ToyDomain.Generate(300, 5));
        var settings = Path.Combine(_folder, "sizes.json");
        File.WriteAllText(settings, """{"latent_size": 6, "decoder_hidden": 40}""");
        var model = Path.Combine(_folder, "sized");
        var (code, _, err) = Run("train", "--domain", "toy", "--data", data, "--out", model, "--epochs", "1", "--model-config", settings, "--device", "cpu");
        Assert.True(code == 0, err);
        var sizes = JsonDocument.Parse(File.ReadAllText(Path.Combine(model, "config.json"))).RootElement.GetProperty("model");
        Assert.Equal(6, sizes.GetProperty("latent_size").GetInt32());
        Assert.Equal(40, sizes.GetProperty("decoder_hidden").GetInt32());
        Assert.Equal(new ToyDomain().Defaults.Model.EncoderHidden, sizes.GetProperty("encoder_hidden").GetInt32());
    }

    [Fact]
    public void Train_EventEndingTokensTheDataNeverUses_AreLeftOutAndNoted()
    {
        var data = Path.Combine(_folder, "small.txt");
        File.WriteAllLines(data, ToyDomain.Generate(300, 5).Select(t => t.Replace("H", "", StringComparison.Ordinal)).Where(t => t.Length > 0));
        var settings = Path.Combine(_folder, "events.json");
        File.WriteAllText(settings, """{"event_end_tokens": ["D", "E", "H"]}""");
        var model = Path.Combine(_folder, "events");
        var (code, _, err) = Run("train", "--domain", "toy", "--data", data, "--out", model, "--epochs", "1", "--model-config", settings, "--device", "cpu");
        Assert.True(code == 0, err);
        var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(model, "config.json"))).RootElement;
        Assert.Equal(["D", "E"], config.GetProperty("model").GetProperty("event_end_tokens").EnumerateArray().Select(t => t.GetString()));
        Assert.Contains("Event-ending tokens the data never uses were left out: H.", config.GetProperty("notes").GetString());
    }

    [Theory]
    [InlineData("""{"latent_sise": 6}""", "Unknown model setting 'latent_sise'; the settings are: embedding_size,")]
    [InlineData("""{"latent_size": "big"}""", "A model setting has the wrong type")]
    [InlineData("""[6]""", "must be a JSON object")]
    [InlineData("""{"latent_size": """, "not valid JSON")]
    public void Train_BadModelConfig_SaysWhatIsWrong(string json, string expected)
    {
        var settings = Path.Combine(_folder, "bad.json");
        File.WriteAllText(settings, json);
        var (code, _, err) = Run("train", "--domain", "toy", "--data", "/nonexistent.txt", "--out", Path.Combine(_folder, "never"), "--model-config", settings);
        Assert.Equal(2, code);
        Assert.Contains(expected, err);
        Assert.False(Directory.Exists(Path.Combine(_folder, "never")));
    }

    [Fact]
    public void Train_TrainingConfig_SetsTheNamedSettings_AndOptionsWinOverIt()
    {
        var data = Path.Combine(_folder, "small.txt");
        File.WriteAllLines(data, ToyDomain.Generate(300, 5));
        var settings = Path.Combine(_folder, "training.json");
        File.WriteAllText(settings, """{"scheduled_sampling": 0.3, "scheduled_sampling_steps": 5, "kl_warmup_start": 4, "kl_weight": 0.5}""");
        var model = Path.Combine(_folder, "sampled");
        var (code, _, err) = Run("train", "--domain", "toy", "--data", data, "--out", model, "--epochs", "1", "--training-config", settings,
            "--kl-weight", "0.2", "--device", "cpu");
        Assert.True(code == 0, err);
        var training = JsonDocument.Parse(File.ReadAllText(Path.Combine(model, "config.json"))).RootElement.GetProperty("training");
        Assert.Equal(0.3, training.GetProperty("scheduled_sampling").GetDouble());
        Assert.Equal(5, training.GetProperty("scheduled_sampling_steps").GetInt32());
        Assert.Equal(4, training.GetProperty("kl_warmup_start").GetInt32());
        Assert.Equal(0.2, training.GetProperty("kl_weight").GetDouble());
        Assert.Equal(new ToyDomain().Defaults.Training.WordDropout, training.GetProperty("word_dropout").GetDouble());
    }

    [Theory]
    [InlineData("""{"scheduled_sampling": 1.5}""", "The scheduled-sampling rate must be between 0 and 1")]
    [InlineData("""{"epoch": 3}""", "Unknown training setting 'epoch'; the settings are: epochs,")]
    [InlineData("""{"epochs": "many"}""", "A training setting has the wrong type")]
    public void Train_BadTrainingConfig_SaysWhatIsWrong(string json, string expected)
    {
        var settings = Path.Combine(_folder, "bad-training.json");
        File.WriteAllText(settings, json);
        var (code, _, err) = Run("train", "--domain", "toy", "--data", "/nonexistent.txt", "--out", Path.Combine(_folder, "never"), "--training-config", settings);
        Assert.Equal(2, code);
        Assert.Contains(expected, err);
        Assert.False(Directory.Exists(Path.Combine(_folder, "never")));
    }

    [Fact]
    public void Train_RecordsTheKlWeightAndLearningRateAsked()
    {
        var data = Path.Combine(_folder, "small.txt");
        File.WriteAllLines(data, ToyDomain.Generate(300, 5));
        var model = Path.Combine(_folder, "tuned");
        var (code, _, err) = Run("train", "--domain", "toy", "--data", data, "--out", model, "--epochs", "1", "--kl-weight", "0.05",
            "--learning-rate", "0.001", "--device", "cpu");
        Assert.True(code == 0, err);
        var training = JsonDocument.Parse(File.ReadAllText(Path.Combine(model, "config.json"))).RootElement.GetProperty("training");
        Assert.Equal(0.05, training.GetProperty("kl_weight").GetDouble());
        Assert.Equal(0.001, training.GetProperty("learning_rate").GetDouble());
    }

    [Fact]
    public void Encode_InBf16_MatchesFloat32Closely()
    {
        var model = TrainedModel();
        var (code, fp32, err) = Run("encode", "--domain", "toy", "--model", model, "ABCD", "--json");
        Assert.True(code == 0, err);
        (code, var bf16, err) = Run("encode", "--domain", "toy", "--model", model, "ABCD", "--precision", "bf16", "--json");
        Assert.True(code == 0, err);
        static double[] Mean(string json) => JsonDocument.Parse(json).RootElement.GetProperty("items").EnumerateArray().First().GetProperty("mean").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        var (a, b) = (Mean(fp32), Mean(bf16));
        var relative = Math.Sqrt(a.Zip(b).Sum(p => (p.First - p.Second) * (p.First - p.Second)) / a.Sum(v => v * v));
        Assert.True(relative < 0.02, $"relative difference {relative}");
    }

    [Fact]
    public void BadItem_ExitsWithTwoAndNamesThePosition()
    {
        var model = TrainedModel();
        var (code, _, err) = Run("encode", "--domain", "toy", "--model", model, "ABZ");
        Assert.Equal(2, code);
        Assert.Contains("position 2", err);
    }

    [Fact]
    public void Help_ListsTheCommands()
    {
        var (code, output, _) = Run("--help");
        Assert.Equal(0, code);
        foreach (var name in new[] { "domains", "train", "evaluate", "encode", "decode", "sample", "interpolate", "navigate" })
            Assert.Contains(name, output);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
