using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LatentWorkbench.Plugins.Tests;

/// <summary>Writes broken plugin folders: garbage, a .NET library that is no plugin, and plugins compiled here with Roslyn.</summary>
public static class FixturePlugins
{
    private const string ModuleSource = """
        using LatentWorkbench.Core.Domains;
        using LatentWorkbench.Core.Models;
        using LatentWorkbench.Core.Training;
        [assembly: LatentWorkbench.Core.Plugins.DomainPlugin(__VERSION__)]
        namespace Fixture;
        public sealed class FixtureModule : IDomainModule, ITokenizer, IItemValidator, IPropertyCalculator, ISimilarity, IDatasetReader
        {
            public FixtureModule() { __CTOR__ }
            public string Id => __ID_EXPRESSION__;
            public string DisplayName => "Fixture";
            public string Description => "A test plugin.";
            public string ItemField => "text";
            public ITokenizer Tokenizer => this;
            public IItemValidator Validator => this;
            public IPropertyCalculator Properties => this;
            public ISimilarity Similarity => this;
            public IDatasetReader Datasets => this;
            public IReadOnlyList<AttributeDefinition> Attributes => [];
            public DomainDefaults Defaults { get; } = new(new VaeConfig(), new TrainingSettings(), "__ID__");
            public IReadOnlyList<SampleItem> Samples => [new("a", "a", [])];
            public DomainViews Views => new(typeof(object));
            public TokenizeResult Tokenize(string text) => new(text.Select(c => c.ToString()).ToArray());
            public string Detokenize(IReadOnlyList<string> tokens) => string.Concat(tokens);
            public ValidationResult Validate(string text) => ValidationResult.Valid(text);
            public IReadOnlyList<PropertyDefinition> Definitions => [];
            public IReadOnlyDictionary<string, double> Compute(string text) => new Dictionary<string, double>();
            public string Name => "equality";
            public double Compute(string a, string b) => a == b ? 1 : 0;
            public IEnumerable<TrainingRecord> Read(string path, DatasetOptions options) => [];
        }
        """;

    /// <summary>
    /// The part of contract version 1 an old plugin compiles against (as <c>LatentWorkbench.Core</c>): its module also
    /// implements <c>IItemFileFormat</c>, an interface version 2 no longer has, so the loader must refuse it by its
    /// attribute before it touches a type.
    /// </summary>
    private const string OldContractSource = """
        namespace LatentWorkbench.Core.Plugins
        {
            [AttributeUsage(AttributeTargets.Assembly)]
            public sealed class DomainPluginAttribute(int contractVersion) : Attribute { public int ContractVersion { get; } = contractVersion; }
        }
        namespace LatentWorkbench.Core.Domains
        {
            public interface IDomainModule { string Id { get; } }
            public interface IItemFileFormat { IReadOnlyList<string> Extensions { get; } }
        }
        """;

    private const string OldModuleSource = """
        [assembly: LatentWorkbench.Core.Plugins.DomainPlugin(1)]
        namespace Fixture;
        public sealed class OldModule : LatentWorkbench.Core.Domains.IDomainModule, LatentWorkbench.Core.Domains.IItemFileFormat
        {
            public string Id => "oldcontract";
            public IReadOnlyList<string> Extensions => [".old"];
        }
        """;

    private const string GlobalUsings = "global using System; global using System.Linq; global using System.Collections.Generic;\n";

    /// <summary>Folder name -> expected status of each broken plugin written by <see cref="WriteAll"/>.</summary>
    public static IReadOnlyDictionary<string, Core.Plugins.PluginStatus> Expected { get; } = new Dictionary<string, Core.Plugins.PluginStatus>
    {
        ["broken-garbage"] = Core.Plugins.PluginStatus.NotAPlugin,
        ["broken-not-a-plugin"] = Core.Plugins.PluginStatus.NotAPlugin,
        ["broken-old-contract"] = Core.Plugins.PluginStatus.IncompatibleContract,
        ["broken-throws"] = Core.Plugins.PluginStatus.Failed,
        ["broken-duplicate"] = Core.Plugins.PluginStatus.DuplicateDomain,
        ["broken-missing-dependency"] = Core.Plugins.PluginStatus.Failed,
    };

    /// <summary>Folder of a plugin whose module takes its id from a private dependency shipped beside it.</summary>
    public const string WithDependency = "with-dependency";

    /// <summary>The domain id of the plugin in <see cref="WithDependency"/>.</summary>
    public const string DependentId = "dependent";

    /// <summary>Writes every broken plugin under <paramref name="directory"/>, plus a plugin-like dll directly in it (which must be ignored).</summary>
    public static void WriteAll(string directory)
    {
        var garbage = Directory.CreateDirectory(Path.Combine(directory, "broken-garbage")).FullName;
        File.WriteAllText(Path.Combine(garbage, "Garbage.dll"), "this is not an assembly");
        File.WriteAllText(Path.Combine(garbage, "README.txt"), "a folder that holds no plugin");
        Compile(directory, "broken-not-a-plugin", "namespace Fixture; public sealed class Nothing { }");
        var oldContract = CSharpCompilation.Create("LatentWorkbench.Core", [Parse(OldContractSource)], Platform(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        Compile(directory, "broken-old-contract", OldModuleSource, references: [oldContract.ToMetadataReference()]);
        Compile(directory, "broken-throws", Module("thrower", ctor: "throw new System.InvalidOperationException(\"the lab's reference table is missing\");"));
        Compile(directory, "broken-duplicate", Module("music"));
        var helper = Compile(directory, WithDependency, $"namespace Helper; public static class Names {{ public const string Id = \"{DependentId}\"; public static string Get() => Id; }}", "Helper");
        var dependent = Module(DependentId, idExpression: "Helper.Names.Get()");
        Compile(directory, WithDependency, dependent, references: [MetadataReference.CreateFromFile(helper)]);
        Compile(directory, "broken-missing-dependency", dependent, references: [MetadataReference.CreateFromFile(helper)]);
        var stray = Path.Combine(directory, "broken-old-contract", "Fixture.broken-old-contract.dll");
        File.Copy(stray, Path.Combine(directory, "Stray.dll"));
    }

    private static string Module(string id, string ctor = "", string? idExpression = null) =>
        ModuleSource.Replace("__VERSION__", Core.Domains.DomainContract.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)).Replace("__ID_EXPRESSION__", idExpression ?? $"\"{id}\"")
            .Replace("__ID__", id).Replace("__CTOR__", ctor);

    /// <summary>Compiles <paramref name="source"/> into <c>directory/folder/name.dll</c> and returns the dll's path.</summary>
    /// <remarks>
    /// The platform references are the test host's assemblies (the current contract among them) unless
    /// <paramref name="references"/> brings its own <c>LatentWorkbench.Core</c>.
    /// </remarks>
    private static string Compile(string directory, string folder, string source, string? name = null, IReadOnlyList<MetadataReference>? references = null)
    {
        var output = Directory.CreateDirectory(Path.Combine(directory, folder)).FullName;
        var assemblyName = name ?? $"Fixture.{folder}";
        var ownContract = references?.Any(r => r.Display == "LatentWorkbench.Core") == true;
        var compilation = CSharpCompilation.Create(assemblyName, [Parse(source)],
            Platform(ownContract ? "LatentWorkbench.Core.dll" : null).Concat(references ?? []),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var path = Path.Combine(output, assemblyName + ".dll");
        var result = compilation.Emit(path);
        if (!result.Success)
            throw new InvalidOperationException(string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        return path;
    }

    private static SyntaxTree Parse(string source) => CSharpSyntaxTree.ParseText(GlobalUsings + source, new CSharpParseOptions(LanguageVersion.Latest));

    /// <summary>The test host's assemblies as references, leaving out the file named <paramref name="except"/>.</summary>
    private static IEnumerable<MetadataReference> Platform(string? except = null) =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => p.EndsWith(".dll", StringComparison.Ordinal) && Path.GetFileName(p) != except)
            .Select(p => MetadataReference.CreateFromFile(p));
}
