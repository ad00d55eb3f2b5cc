// CTEQ5L leading-order parton densities of the proton, in J. Pumplin's analytic parametrisation (Sept. 1999).
// see: H. L. Lai et al. (CTEQ), "Global QCD analysis of parton structure of the nucleon: CTEQ5 parton
//      distributions", Eur. Phys. J. C12 (2000) 375, hep-ph/9903282 (the fit, α_s(m_Z) = 0.127 at LO), and
//      CTEQ's own Fortran "Ctq5Par.f" ("CTEQ5M1 and CTEQ5L Parton Distribution Functions in Parametrized Form",
//      functions ctq5L/faux5L), which CTEQ distributed publicly from its web page (hep.pa.msu.edu/cteq/public);
//      the file carries no licence statement. Every number below is copied from faux5L of that file, in its
//      order and notation; nothing was refitted. The same numbers appear in later redistributions of the file.
// Validity (Ctq5Par.f): 1e-6 < x < 1, 1.1 GeV < Q < 10 TeV. Heavy quarks vanish below Q = 1.3 (c), 4.5 GeV (b).
//
// The parametrisation, for each fitted function (flavour slot) with coefficients am(i, k), ut1, ut2, alf, qma:
//   sb1 = ln ln(Q / alf) − 1.2,   af(i) = Σ_k am(i, k) sb1^k  (k = 0, 1, 2),   y = −ln x,   u = ln(x / 1e-5),
//   f(x, Q) = x · exp[ af1 y^(1 + 0.01 af4) (1 + af8 u) + af0 (1 − x) + af3 x
//                      + x(1 − x)(af5 + af6 (1 − x) + af7 x(1 − x)) + ut1 ln(1 − x) + af2 ln(1 + e^ut2 − x) ]
//              · (1 − qma / Q),
// a number (probability) density, as Ctq5Par.f's Ctq5Pd returns it. The fitted functions are u, d, g, s = s̄,
// c = c̄, b = b̄, ū + d̄ and the ratio d̄/ū; then ū = (ū + d̄)/(1 + d̄/ū) and d̄ = (ū + d̄)(d̄/ū)/(1 + d̄/ū).
// Checked in test/assembly/drellYan.test.ts: momentum sum rule, valence counting, positivity.

// Per slot (Ctq5Par.f's parton label ifl = −5 … 2 at slot ifl + 5): ut1, ut2, alf (GeV), qma (GeV), then am(i, k)
// for i = 0 … 8 and k = 0 … 2. Rows the file does not set (i = 7, 8 for b; i = 8 for c, s, d̄/ū) are zero.
const ROW: i32 = 31
const SLOT_BOTTOM: i32 = 0 // ifl = −5: b = b̄
const SLOT_CHARM: i32 = 1 // ifl = −4: c = c̄
const SLOT_STRANGE: i32 = 2 // ifl = −3: s = s̄
const SLOT_RATIO: i32 = 3 // ifl = −2: d̄/ū
const SLOT_SEA: i32 = 4 // ifl = −1: ū + d̄
const SLOT_GLUON: i32 = 5 // ifl = 0
const SLOT_UP: i32 = 6 // ifl = 1
const SLOT_DOWN: i32 = 7 // ifl = 2
const SLOTS: i32 = 8

const COEFFICIENTS: StaticArray<f64> = [
  // ifl = −5 (b = b̄)
  0.5562568E+01, -0.1801317E+01, 0.4952010E-02, 0.4500000E+01,
  -0.6031237E+01, 0.1992727E+01, -0.1076331E+01,
  0.2933912E+01, 0.5839674E+00, 0.7509435E-01,
  -0.8284919E+01, 0.1488593E+01, -0.8251678E+00,
  -0.1925986E+02, 0.2805753E+01, -0.3015446E+01,
  -0.9480483E+01, -0.9767837E+00, -0.1165544E+01,
  0.2193195E+02, -0.1788518E+02, 0.9460908E+01,
  -0.1327377E+02, 0.1201754E+02, -0.6277844E+01,
  0.0, 0.0, 0.0,
  0.0, 0.0, 0.0,
  // ifl = −4 (c = c̄)
  0.4400772E+01, -0.1356116E+01, 0.3712017E-01, 0.1300000E+01,
  -0.8293661E+00, -0.3982375E+01, -0.6494283E-01,
  0.2754618E+01, 0.8338636E+00, -0.6885160E-01,
  -0.1657987E+02, 0.1439143E+02, -0.6887240E+00,
  -0.2800703E+02, 0.1535966E+02, -0.7377693E+00,
  -0.6460216E+01, -0.4783019E+01, 0.4913297E+00,
  0.3141830E+02, -0.3178031E+02, 0.7136013E+01,
  -0.1802509E+02, 0.1862163E+02, -0.4632843E+01,
  -0.1240412E+02, 0.2565386E+02, -0.1066570E+02,
  0.0, 0.0, 0.0,
  // ifl = −3 (s = s̄)
  0.3753257E+01, -0.1113085E+01, 0.3713141E+00, 0.0,
  0.1580931E+01, -0.2273826E+01, -0.1822245E+01,
  0.2702644E+01, 0.6763243E+00, 0.7231586E-02,
  -0.1857924E+02, 0.3907500E+01, 0.5850109E+01,
  -0.3044793E+02, 0.2639332E+01, 0.5566644E+01,
  -0.4258011E+01, -0.5429244E+01, 0.4418946E+00,
  0.3465259E+02, -0.5532604E+01, -0.4904153E+01,
  -0.1658858E+02, 0.2923275E+01, 0.2266286E+01,
  -0.1149263E+02, 0.2877475E+01, -0.7999105E+00,
  0.0, 0.0, 0.0,
  // ifl = −2 (d̄/ū)
  0.1895615E+00, -0.3069097E+01, 0.5293999E+00, 0.0,
  -0.6556775E+00, 0.2490190E+00, 0.3966485E-01,
  0.1305102E+01, -0.1188925E+00, -0.4600870E-02,
  -0.2371436E+01, 0.3566814E+00, -0.2834683E+00,
  -0.6152826E+01, 0.8339877E+00, -0.7233230E+00,
  -0.8346558E+01, 0.2892168E+01, 0.2137099E+00,
  0.1279530E+02, 0.1021114E+00, 0.5787439E+00,
  0.5858816E+00, -0.1940375E+01, -0.4029269E+00,
  -0.2795725E+02, -0.5263392E+00, 0.1290229E+01,
  0.0, 0.0, 0.0,
  // ifl = −1 (ū + d̄)
  0.3862583E+01, -0.1265969E+01, 0.2457668E+00, 0.0,
  0.2647441E+02, 0.1059277E+02, -0.9176654E+00,
  0.1990636E+01, 0.8558918E-01, 0.4248667E-01,
  -0.1476095E+02, -0.3276255E+02, 0.1558110E+01,
  -0.2966889E+01, -0.3649037E+02, 0.1195914E+01,
  -0.1000519E+03, -0.2464635E+01, 0.1964849E+00,
  0.3718331E+02, 0.4700389E+02, -0.2772142E+01,
  -0.1872722E+02, -0.2291189E+02, 0.1089052E+01,
  -0.1628146E+02, -0.1823993E+02, 0.2537369E+01,
  -0.1156300E+01, -0.1280495E+00, 0.5153245E-01,
  // ifl = 0 (g)
  -0.4656819E+00, -0.2742390E+03, 0.4491863E+00, 0.0,
  0.1193572E+03, -0.3886845E+01, -0.1133965E+01,
  -0.9421449E+02, 0.3995885E+01, 0.1607363E+01,
  0.4206383E+01, 0.2485954E+00, 0.2497468E+00,
  0.1210557E+03, -0.3015765E+01, -0.1423651E+01,
  -0.1013897E+03, -0.7113478E+00, 0.2621865E+00,
  -0.1312404E+01, -0.9297691E+00, -0.1562531E+00,
  0.1627137E+01, 0.4954111E+00, -0.6387009E+00,
  0.1537698E+00, -0.2487878E+00, 0.8305947E+00,
  0.2496448E-01, 0.2457823E-02, 0.8234276E-03,
  // ifl = 1 (u)
  0.2612618E+01, -0.1258304E+06, 0.3407552E+00, 0.0,
  0.9905300E+00, -0.4502235E+00, 0.1624441E+00,
  0.8867534E+00, 0.1630829E-01, -0.4049085E-01,
  0.8547974E+00, 0.3336301E+00, 0.1371388E+00,
  0.2941113E+00, -0.1527905E+01, 0.2331879E+00,
  0.3384235E+02, 0.3715315E+01, 0.8276930E+00,
  0.6230115E+01, 0.3134639E+01, -0.1729099E+01,
  -0.1186928E+01, -0.3282460E+00, 0.1052020E+00,
  -0.8545702E+01, -0.6247947E+01, 0.3692561E+01,
  0.1724598E-01, 0.7120465E-02, 0.4003646E-04,
  // ifl = 2 (d)
  0.4971265E+01, -0.1105128E+01, 0.2987216E+00, 0.0,
  0.5292616E+01, -0.2751910E+01, -0.2488990E+01,
  0.9714424E+00, 0.1011827E-01, -0.1023660E-01,
  -0.1651006E+02, 0.7959721E+01, 0.8810563E+01,
  -0.1643394E+02, 0.5892854E+01, 0.9348874E+01,
  0.3067422E+02, 0.4235796E+01, -0.5112136E+00,
  0.2352526E+02, -0.5305168E+01, -0.1169174E+02,
  -0.1095451E+02, 0.3006577E+01, 0.5638136E+01,
  -0.1172251E+02, -0.2183624E+01, 0.4955794E+01,
  0.1662533E-01, 0.7622870E-02, -0.4895887E-03,
]

// Scratch: af(0 … 8) per slot at the current scale, the threshold factor (1 − qma/Q) per slot (0 where the slot
// vanishes), and per-slot constants ln(alf) and e^ut2 computed once.
const AF: usize = memory.data(SLOTS * 9 * 8)
const THRESHOLD: usize = memory.data(SLOTS * 8)
const LN_ALF: usize = memory.data(SLOTS * 8)
const EXP_UT2: usize = memory.data(SLOTS * 8)
// @ts-ignore: decorator
@lazy let constantsReady: bool = false
// @ts-ignore: decorator
@lazy let currentScale: f64 = NaN
// @ts-ignore: decorator
@lazy let currentWithGluon: bool = false

// @ts-ignore: decorator
@inline function coefficient(slot: i32, index: i32): f64 {
  return load<f64>(changetype<usize>(COEFFICIENTS) + ((<usize>(slot * ROW + index)) << 3))
}

function prepareConstants(): void {
  for (let slot = 0; slot < SLOTS; slot++) {
    store<f64>(LN_ALF + ((<usize>slot) << 3), Math.log(coefficient(slot, 2)))
    store<f64>(EXP_UT2 + ((<usize>slot) << 3), Math.exp(coefficient(slot, 1)))
  }
  constantsReady = true
}

/** af(i) = Σ_k am(i, k) sb1^k for one slot at ln Q = `lnQ` (faux5L's first loop). */
function prepareSlot(slot: i32, q: f64, lnQ: f64): void {
  const threshold = coefficient(slot, 3) // qma, GeV
  const lnRatio = lnQ - load<f64>(LN_ALF + ((<usize>slot) << 3)) // ln(Q / alf)
  const factorAddress = THRESHOLD + ((<usize>slot) << 3)
  if (q <= threshold || lnRatio <= 0.0) {
    store<f64>(factorAddress, 0.0)
    return
  }
  store<f64>(factorAddress, 1.0 - threshold / q)
  const sb1 = Math.log(lnRatio) - 1.2
  const sb2 = sb1 * sb1
  const af = AF + ((<usize>(slot * 9)) << 3)
  for (let i = 0; i < 9; i++) {
    const base = 4 + 3 * i
    store<f64>(af + ((<usize>i) << 3), coefficient(slot, base) + coefficient(slot, base + 1) * sb1 + coefficient(slot, base + 2) * sb2)
  }
}

/** Sets the factorisation scale Q (GeV) for the next density evaluations; the gluon only when asked. */
export function setPdfScale(q: f64, withGluon: bool): void {
  if (!constantsReady) prepareConstants()
  if (q == currentScale && (currentWithGluon || !withGluon)) return
  const lnQ = Math.log(q)
  for (let slot = 0; slot < SLOTS; slot++) {
    if (slot != SLOT_GLUON || withGluon) prepareSlot(slot, q, lnQ)
  }
  currentScale = q
  currentWithGluon = withGluon
}

/** faux5L of one slot at x (0 < x < 1), given x-dependent pieces shared by all slots. */
// @ts-ignore: decorator
@inline function auxiliary(slot: i32, x: f64, oneMinusX: f64, lnX: f64, lnY: f64, u: f64, lnOneMinusX: f64): f64 {
  const factor = load<f64>(THRESHOLD + ((<usize>slot) << 3))
  if (factor == 0.0) return 0.0
  const af = AF + ((<usize>(slot * 9)) << 3)
  const af0 = load<f64>(af)
  const af1 = load<f64>(af, 8)
  const af2 = load<f64>(af, 16)
  const af3 = load<f64>(af, 24)
  const af4 = load<f64>(af, 32)
  const af5 = load<f64>(af, 40)
  const af6 = load<f64>(af, 48)
  const af7 = load<f64>(af, 56)
  const af8 = load<f64>(af, 64)
  const part1 = af1 * Math.exp((1.0 + 0.01 * af4) * lnY) * (1.0 + af8 * u)
  const part2 = af0 * oneMinusX + af3 * x
  const part3 = x * oneMinusX * (af5 + af6 * oneMinusX + af7 * x * oneMinusX)
  const part4 = coefficient(slot, 0) * lnOneMinusX + af2 * Math.log(1.0 + load<f64>(EXP_UT2 + ((<usize>slot) << 3)) - x)
  return Math.exp(lnX + part1 + part2 + part3 + part4) * factor
}

/** Momentum densities x·f(x, Q) at the scale set by `setPdfScale`, read right after `quarkMomentumDensities`. */
// @ts-ignore: decorator
@lazy export let xUp: f64 = 0.0
// @ts-ignore: decorator
@lazy export let xDown: f64 = 0.0
// @ts-ignore: decorator
@lazy export let xUpBar: f64 = 0.0
// @ts-ignore: decorator
@lazy export let xDownBar: f64 = 0.0
// @ts-ignore: decorator
@lazy export let xStrange: f64 = 0.0
// @ts-ignore: decorator
@lazy export let xCharm: f64 = 0.0
// @ts-ignore: decorator
@lazy export let xBottom: f64 = 0.0
// @ts-ignore: decorator
@lazy export let xGluon: f64 = 0.0

/**
 * x·f(x, Q) of u, d, ū, d̄, s = s̄, c = c̄, b = b̄ (and g when the scale was set with the gluon) into the globals
 * above. Precondition: 0 < x; x ≥ 1 gives zeros.
 */
export function quarkMomentumDensities(x: f64, withGluon: bool): void {
  if (x >= 1.0) {
    xUp = 0.0; xDown = 0.0; xUpBar = 0.0; xDownBar = 0.0; xStrange = 0.0; xCharm = 0.0; xBottom = 0.0; xGluon = 0.0
    return
  }
  const oneMinusX = 1.0 - x
  const lnX = Math.log(x)
  const lnY = Math.log(-lnX)
  const u = lnX + 11.512925464970229 // ln(x / 1e-5)
  const lnOneMinusX = Math.log(oneMinusX)
  xUp = x * auxiliary(SLOT_UP, x, oneMinusX, lnX, lnY, u, lnOneMinusX)
  xDown = x * auxiliary(SLOT_DOWN, x, oneMinusX, lnX, lnY, u, lnOneMinusX)
  const sea = x * auxiliary(SLOT_SEA, x, oneMinusX, lnX, lnY, u, lnOneMinusX)
  const ratio = auxiliary(SLOT_RATIO, x, oneMinusX, lnX, lnY, u, lnOneMinusX)
  xUpBar = sea / (1.0 + ratio)
  xDownBar = sea * ratio / (1.0 + ratio)
  xStrange = x * auxiliary(SLOT_STRANGE, x, oneMinusX, lnX, lnY, u, lnOneMinusX)
  xCharm = x * auxiliary(SLOT_CHARM, x, oneMinusX, lnX, lnY, u, lnOneMinusX)
  xBottom = x * auxiliary(SLOT_BOTTOM, x, oneMinusX, lnX, lnY, u, lnOneMinusX)
  xGluon = withGluon ? x * auxiliary(SLOT_GLUON, x, oneMinusX, lnX, lnY, u, lnOneMinusX) : 0.0
}

/**
 * CTEQ5L momentum density x·f(x, Q) of one parton, for tests and plots. flavour: 0 g, 1 u, 2 d, 3 s, 4 c, 5 b,
 * negative for the antiquark (s̄ = s, c̄ = c, b̄ = b in CTEQ5L). Precondition: 0 < x < 1, Q > 0 (GeV).
 */
export function partonDensity(flavour: i32, x: f64, q: f64): f64 {
  setPdfScale(q, true)
  quarkMomentumDensities(x, true)
  if (flavour == 0) return xGluon
  if (flavour == 1) return xUp
  if (flavour == 2) return xDown
  if (flavour == -1) return xUpBar
  if (flavour == -2) return xDownBar
  const heavy = flavour < 0 ? -flavour : flavour
  if (heavy == 3) return xStrange
  if (heavy == 4) return xCharm
  if (heavy == 5) return xBottom
  return 0.0
}
