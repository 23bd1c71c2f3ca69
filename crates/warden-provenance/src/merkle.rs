//! RFC 6962 / RFC 9162 Merkle inclusion proofs (SHA-256), as Rekor serves them.

use sha2::{Digest, Sha256};

pub fn leaf_hash(leaf: &[u8]) -> [u8; 32] {
    let mut h = Sha256::new();
    h.update([0u8]);
    h.update(leaf);
    h.finalize().into()
}

fn node(l: &[u8], r: &[u8]) -> [u8; 32] {
    let mut h = Sha256::new();
    h.update([1u8]);
    h.update(l);
    h.update(r);
    h.finalize().into()
}

/// The root hash the proof leads to (RFC 9162 2.1.3.2), or `None` when the proof is malformed.
pub fn root_from_proof(
    index: u64,
    size: u64,
    leaf: [u8; 32],
    proof: &[[u8; 32]],
) -> Option<[u8; 32]> {
    if index >= size {
        return None;
    }
    let (mut f, mut s) = (index, size - 1);
    let mut r = leaf;
    for p in proof {
        if s == 0 {
            return None;
        }
        if f & 1 == 1 || f == s {
            r = node(p, &r);
            while f & 1 == 0 && f != 0 {
                f >>= 1;
                s >>= 1;
            }
        } else {
            r = node(&r, p);
        }
        f >>= 1;
        s >>= 1;
    }
    (s == 0).then_some(r)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_four_leaf_tree_proves_each_leaf_and_rejects_a_wrong_path() {
        let leaves: Vec<[u8; 32]> = (0u8..4).map(|i| leaf_hash(&[i])).collect();
        let (n01, n23) = (node(&leaves[0], &leaves[1]), node(&leaves[2], &leaves[3]));
        let root = node(&n01, &n23);
        assert_eq!(
            root_from_proof(0, 4, leaves[0], &[leaves[1], n23]),
            Some(root)
        );
        assert_eq!(
            root_from_proof(3, 4, leaves[3], &[leaves[2], n01]),
            Some(root)
        );
        assert_ne!(
            root_from_proof(0, 4, leaves[0], &[leaves[2], n23]),
            Some(root)
        );
        assert_eq!(root_from_proof(4, 4, leaves[0], &[]), None);
        assert_eq!(root_from_proof(0, 4, leaves[0], &[leaves[1]]), None);
    }

    #[test]
    fn an_odd_sized_tree_proves_its_last_leaf() {
        let leaves: Vec<[u8; 32]> = (0u8..3).map(|i| leaf_hash(&[i])).collect();
        let root = node(&node(&leaves[0], &leaves[1]), &leaves[2]);
        assert_eq!(
            root_from_proof(2, 3, leaves[2], &[node(&leaves[0], &leaves[1])]),
            Some(root)
        );
    }
}
