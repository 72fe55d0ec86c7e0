using LatentWorkbench.Core.Tests.Toy;
using LatentWorkbench.Core.Training;

namespace LatentWorkbench.Core.Tests.Training;

public sealed class TrainingSettingsValidatorTests
{
    [Fact]
    public void Problems_DefaultsAndToyDefaults_AreFine()
    {
        Assert.Empty(TrainingSettingsValidator.Problems(new TrainingSettings()));
        Assert.Empty(TrainingSettingsValidator.Problems(new ToyDomain().Defaults.Training, limit: 500));
    }

    [Theory]
    [InlineData(0, 128, 1e-3, 1.0, 0, "Epochs must be between 1 and 1000 (got 0).")]
    [InlineData(1001, 128, 1e-3, 1.0, 0, "Epochs must be between 1 and 1000 (got 1001).")]
    [InlineData(10, 0, 1e-3, 1.0, 0, "The batch size must be between 1 and 65536 (got 0).")]
    [InlineData(10, 128, 0, 1.0, 0, "The learning rate must be above 0 and at most 1 (got 0).")]
    [InlineData(10, 128, double.NaN, 1.0, 0, "The learning rate must be above 0 and at most 1 (got NaN).")]
    [InlineData(10, 128, 1e-3, -1, 0, "The KL weight must be between 0 and 10 (got -1).")]
    [InlineData(10, 128, 1e-3, 10.5, 0, "The KL weight must be between 0 and 10 (got 10.5).")]
    [InlineData(10, 128, 1e-3, 1.0, -1, "The item limit must be 0 (all) or more (got -1).")]
    public void Problems_OutOfRange_NameTheSettingAndValue(int epochs, int batch, double learningRate, double kl, int limit, string expected)
    {
        var settings = new TrainingSettings { Epochs = epochs, BatchSize = batch, LearningRate = learningRate, KlWeight = kl };
        Assert.Equal([expected], TrainingSettingsValidator.Problems(settings, limit));
        var error = Assert.Throws<ArgumentException>(() => TrainingSettingsValidator.Validate(settings, limit));
        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public void Problems_SeveralAtOnce_AreAllReported()
    {
        var settings = new TrainingSettings { Epochs = 0, WordDropout = 1, MaxStepsThisRun = -5 };
        var problems = TrainingSettingsValidator.Problems(settings);
        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("Word dropout", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("The step limit", StringComparison.Ordinal));
    }
}
