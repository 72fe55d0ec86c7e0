using LatentWorkbench.Core.Domains;
using LatentWorkbench.Web.Apis.Responses;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace LatentWorkbench.Web.Apis;

/// <summary>
/// Completes the OpenAPI schemas where the JSON settings hide the shape: doubles (written by
/// <see cref="Core.Workbench.FiniteDoubleConverter"/>, NaN as null) and the domain-named fields of a decoded point.
/// </summary>
public sealed class ApiSchemaTransformer : IOpenApiSchemaTransformer
{
    /// <summary>Fields of <see cref="PointResponse"/> that are left out when they have no value.</summary>
    private static readonly string[] OptionalPointFields = ["attributes", "distance_from_start", "error"];

    /// <inheritdoc/>
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        if (type == typeof(double) || type == typeof(double?))
        {
            schema.Type = JsonSchemaType.Number | JsonSchemaType.Null;
            schema.Format = "double";
        }
        else if (type == typeof(IReadOnlyDictionary<string, double>))
            schema.AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Number | JsonSchemaType.Null, Format = "double" };
        else if (type == typeof(PointResponse))
            DescribeNamedFields(schema, context.ApplicationServices.GetRequiredService<DomainRegistry>());
        return Task.CompletedTask;
    }

    /// <summary>Each domain's item field as an optional string, and <c>similarity_to_{reference}</c> numbers as the other fields.</summary>
    private static void DescribeNamedFields(OpenApiSchema schema, DomainRegistry registry)
    {
        foreach (var field in OptionalPointFields) schema.Required?.Remove(field);
        schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
        foreach (var group in registry.Modules.GroupBy(m => m.ItemField))
            schema.Properties[group.Key] = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Description = $"The item text in domain {string.Join(", ", group.Select(m => m.Id))} (each domain names this field: item_field of GET /api/domains).",
            };
        schema.AdditionalProperties = new OpenApiSchema
        {
            Type = JsonSchemaType.Number | JsonSchemaType.Null,
            Format = "double",
            Description = "similarity_to_{reference}: similarity (0 to 1) to a reference item of the operation, e.g. similarity_to_from.",
        };
    }
}
