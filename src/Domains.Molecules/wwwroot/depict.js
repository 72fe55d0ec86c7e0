// Draws molecules with RDKit MinimalLib (WebAssembly), loaded once per page from this module's own static files.
let rdkit;

function load() {
    if (!rdkit) {
        const base = new URL('./lib/rdkit/', import.meta.url).href;
        rdkit = new Promise((resolve, reject) => {
            const script = document.createElement('script');
            script.src = base + 'RDKit_minimal.js';
            script.onload = () => window.initRDKitModule({ locateFile: file => base + file }).then(resolve, reject);
            script.onerror = () => reject(new Error('RDKit MinimalLib could not be loaded'));
            document.head.appendChild(script);
        });
    }
    return rdkit;
}

// Replaces the element's content with an SVG depiction of the SMILES; returns false when RDKit cannot read it.
export async function depict(element, smiles, width, height) {
    const RDKit = await load();
    const mol = RDKit.get_mol(smiles);
    if (!mol || !mol.is_valid()) {
        if (mol) mol.delete();
        element.textContent = '';
        return false;
    }
    try {
        element.innerHTML = mol.get_svg(width, height);
        return true;
    } finally {
        mol.delete();
    }
}
