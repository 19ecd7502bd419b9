-- Dimensions of the function spaces of small linear convolutional networks (MATH.md §14.1), independently of
-- eqgeom: the Zariski closure of the image of (w_1, …, w_L) ↦ w_1(x)·w_2(x^{S_2})⋯ is the variety of the kernel
-- of the map sending c_j to the coefficient of x^j; its dimension is the function space's.
-- Run: M2 --script lcn-dimensions.m2 > lcn-dimensions.txt
lcnDim = (ks, ss) -> (
    L := #ks;
    S := {1};
    for i from 1 to L - 1 do S = append(S, S#(i - 1) * ss#(i - 1));
    n := sum ks;
    k := 1 + sum(L, i -> (ks#i - 1) * S#i);
    R := QQ[w_0..w_(n - 1), x];
    off := 0;
    u := 1_R;
    for i from 0 to L - 1 do (
        u = u * sum(ks#i, l -> w_(off + l) * x^(l * S#i));
        off = off + ks#i;
    );
    W := QQ[w_0..w_(n - 1)];
    back := map(W, R, gens W | {0_W});
    cs := apply(k, j -> back((u // x^j) % x));
    T := QQ[c_0..c_(k - 1)];
    f := map(W, T, cs);
    dim ker f
);
archs = {
    ({2, 2}, {1, 1}), ({3, 2}, {1, 1}), ({2, 2, 2}, {1, 1, 1}), ({2, 2}, {2, 1}), ({3, 2}, {2, 1}),
    ({2, 3}, {2, 1}), ({3, 3}, {2, 1}), ({2, 2}, {3, 1}), ({2, 2, 2}, {2, 2, 1}), ({2, 2, 2}, {2, 1, 1}),
    ({3, 2, 2}, {2, 2, 1}), ({4, 2}, {2, 1}), ({1, 3}, {2, 1}), ({3, 1, 2}, {1, 2, 1})
};
for a in archs do (
    << toString(a#0) << " " << toString(a#1) << " " << lcnDim(a#0, a#1) << endl;
);
