/** The few functions of jstat (which ships no types) that Palpate uses. */
declare module 'jstat' {
  interface StudentT {
    /** The quantile (inverse CDF) of Student's t distribution. */
    inv(probability: number, degreesOfFreedom: number): number;
    cdf(x: number, degreesOfFreedom: number): number;
  }
  const jStat: { studentt: StudentT };
  export default jStat;
}
