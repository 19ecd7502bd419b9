-- Degrees of the smallest complex and quaternionic component blocks (MATH.md §8), from the REAL rank
-- condition on the realified matrices, independently of eqgeom's determinantal formula.
-- A block x in M_mu(D) with rank_D(x) <= t is, in real coordinates, {real rank of R_D(x) <= delta*t}.
-- Its degree is the number of points in which a random affine linear space of complementary dimension
-- meets it (over GF(32749)); a random space of one dimension less must miss it (codimension check).
-- Run: M2 --script Tests/GeometryTests/Oracles/group_degrees.m2 > Tests/GeometryTests/Oracles/group_degrees.json
kk = ZZ/32749;
leftH = (a,b,c,d) -> matrix{{a,-b,-c,-d},{b,a,-d,c},{c,d,a,-b},{d,-c,b,a}};
leftC = (a,b) -> matrix{{a,-b},{b,a}};
-- the degree of {x in R^N : rank M(x) <= k} of dimension dimX, by a section with a random affine space of
-- the complementary dimension c = N - dimX (points), and one of dimension c - 1 (empty)
sectionDegree = (N, M, k, dimX) -> (
    c := N - dimX;
    S := kk[y_0..y_(c-1)];
    phi := map(S, ring M, apply(N, i -> random(kk) + sum(c, j -> random(kk) * y_j)));
    I := minors(k + 1, phi M, Strategy => Cofactor);
    assert(dim I == 0);
    T := kk[z_0..z_(c-2)];
    psi := map(T, ring M, apply(N, i -> random(kk) + sum(c - 1, j -> random(kk) * z_j)));
    assert(minors(k + 1, psi M, Strategy => Cofactor) == ideal 1_T);
    degree radical I
);
R16 = kk[x_0..x_15];
q = k -> leftH(x_(4*k), x_(4*k+1), x_(4*k+2), x_(4*k+3));
H = (q 0 | q 1) || (q 2 | q 3);
-- H, mu = 2, t = 1: real rank <= 4, dimension delta*t*(2mu - t) = 12
h21 = sectionDegree(16, H, 4, 12);
R8 = kk[u_0..u_7];
c = k -> leftC(u_(2*k), u_(2*k+1));
C = (c 0 | c 1) || (c 2 | c 3);
-- C, mu = 2, t = 1: real rank <= 2, dimension 2*1*3 = 6
c21 = sectionDegree(8, C, 2, 6);
R9 = kk[v_0..v_8];
M = genericMatrix(R9, 3, 3);
-- R, mu = 3, t = 1: rank <= 1, dimension 5
r31 = sectionDegree(9, M, 1, 5);
print("{\"H 2 1\": " | toString h21 | ", \"C 2 1\": " | toString c21 | ", \"R 3 1\": " | toString r31 | "}");
