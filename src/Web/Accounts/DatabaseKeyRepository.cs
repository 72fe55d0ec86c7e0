using System.Xml.Linq;
using LatentWorkbench.Storage;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace LatentWorkbench.Web.Accounts;

/// <summary>ASP.NET data protection's key repository over <see cref="DataProtectionKeyStore"/> (the workbench database).</summary>
public sealed class DatabaseKeyRepository(DataProtectionKeyStore store) : IXmlRepository
{
    /// <inheritdoc/>
    public IReadOnlyCollection<XElement> GetAllElements() => store.All().Select(xml => XElement.Parse(xml)).ToList();

    /// <inheritdoc/>
    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        store.Add(string.IsNullOrWhiteSpace(friendlyName) ? Guid.NewGuid().ToString("N") : friendlyName, element.ToString(SaveOptions.DisableFormatting));
    }
}
