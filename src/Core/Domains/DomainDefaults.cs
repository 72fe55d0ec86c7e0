using LatentWorkbench.Core.Models;
using LatentWorkbench.Core.Training;

namespace LatentWorkbench.Core.Domains;

/// <summary>Model sizes and training settings a domain recommends, and where its default checkpoint lives.</summary>
/// <param name="Model">Network sizes.</param>
/// <param name="Training">Optimisation and schedule.</param>
/// <param name="DefaultModelFolder">
/// Folder name of the default checkpoint: <c>models/&lt;name&gt;</c> beside the module's assembly (how a plugin ships
/// it), or <c>sample-data/models/&lt;name&gt;</c> (built-in domains). See <see cref="ModelLocator"/>.
/// </param>
public sealed record DomainDefaults(VaeConfig Model, TrainingSettings Training, string DefaultModelFolder);
