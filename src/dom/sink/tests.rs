//! The sink's tree operations and its borrowed whitespace.

use super::*;

/// The children of `id`, read forward through `next` and backward
/// from the last child through `prev` (the first child's `prev` is the
/// last child).
fn children(tree: &Tree, id: Id) -> (Vec<Id>, Vec<Id>) {
    let mut forward = Vec::new();
    let mut at = tree.first_child(id);
    while at != NONE {
        forward.push(at);
        at = tree.get(at).map_or(NONE, |n| n.next);
    }
    let mut backward = Vec::new();
    let mut at = tree.last_child(id);
    while at != NONE {
        backward.push(at);
        at = tree.prev_sibling(at);
    }
    backward.reverse();
    (forward, backward)
}

#[test]
fn sibling_ring_survives_every_move() {
    let mut tree = Tree::with_capacity(8, 0);
    let kids: Vec<Id> = (0..4).map(|_| tree.add(Data::Other)).collect();
    for &k in &kids {
        tree.append(0, k);
    }
    let (a, b, c, d) = (kids[0], kids[1], kids[2], kids[3]);
    assert_eq!(children(&tree, 0), (vec![a, b, c, d], vec![a, b, c, d]));
    tree.detach(a); // the first
    tree.detach(d); // the last
    assert_eq!(children(&tree, 0), (vec![b, c], vec![b, c]));
    tree.insert_before(b, d); // before the first
    tree.insert_before(c, a); // before a middle one
    assert_eq!(children(&tree, 0), (vec![d, b, a, c], vec![d, b, a, c]));
    tree.append(0, b); // moved to the end
    tree.append(0, b); // already last: nothing moves
    assert_eq!(children(&tree, 0), (vec![d, a, c, b], vec![d, a, c, b]));
    tree.append(c, a); // into another parent
    assert_eq!(children(&tree, 0), (vec![d, c, b], vec![d, c, b]));
    assert_eq!(children(&tree, c), (vec![a], vec![a]));
    for k in [d, c, b] {
        tree.detach(k);
    }
    assert_eq!(children(&tree, 0), (vec![], vec![]));
    assert_eq!(tree.prev_sibling(a), NONE);
}

#[test]
fn whitespace_between_tags_is_not_copied() {
    let mut tree = Tree::with_capacity(8, 0);
    let before = tree.strings.len();
    for ws in ["\n", "\n    ", "\n\t\t", "\n\n  ", " ", "   "] {
        let id = tree.add_text(ws);
        tree.append(0, id);
        assert_eq!(tree.strings.len(), before, "{ws:?}");
    }
    let word = tree.add_text("x");
    tree.append(0, word);
    assert!(tree.extend_text(word, "yz"));
    assert_eq!(tree.strings.len(), before + 3, "extended in place");
    let mut texts = Vec::new();
    let walked: Result<(), ()> = tree.walk(|event| {
        if let Event::Text(t) = event {
            texts.push(t.to_string());
        }
        Ok(())
    });
    assert!(walked.is_ok());
    assert_eq!(
        texts,
        ["\n", "\n    ", "\n\t\t", "\n\n  ", " ", "   ", "xyz"]
    );
}

#[test]
fn a_node_takes_32_bytes() {
    // The sink's tree and the arena are alive together while the arena is
    // built: the peak memory of a hostile page of tiny elements.
    assert_eq!(std::mem::size_of::<Node>(), 32);
}
