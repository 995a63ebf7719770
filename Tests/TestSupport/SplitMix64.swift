/// A small seeded random generator (SplitMix64) for the randomised tests:
/// the standard library's generator cannot be seeded, and a test that
/// draws its cases at random must draw the same ones on every run and
/// machine, so that a failure names its input and replays.
package struct SplitMix64: RandomNumberGenerator {
    package var state: UInt64

    /// The same seed gives the same sequence.
    package init(seed: UInt64) { state = seed }

    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
