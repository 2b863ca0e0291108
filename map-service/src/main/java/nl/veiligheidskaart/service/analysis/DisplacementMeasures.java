package nl.veiligheidskaart.service.analysis;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The measures of crime displacement ("waterbed effect") for a target area R, a buffer D around it
 * and a control area C, before (b) and after (a) an intervention, exactly as DESIGN.md defines them:
 * <pre>
 *   SM  = Ra/Ca − Rb/Cb                       success measure (success when &lt; 0)
 *   BDM = Da/Ca − Db/Cb                       buffer displacement measure
 *   WDQ = BDM / SM                            weighted displacement quotient, only when SM &lt; 0
 *   TNE = [Rb·(Ca/Cb) − Ra] + [Db·(Ca/Cb) − Da]  total net effect
 *   WDD = (Ra − Rb) − (Ca − Cb)/w_R + (Da − Db) − (Ca − Cb)/w_D,  w_R = Cb/Rb, w_D = Cb/Db  (= −TNE)
 *   Var = Ra + Rb + Da + Db + (Ca + Cb)·(1/w_R² + 1/w_D²);  z = WDD/√Var;  90 % CI = WDD ± 1.645·√Var
 * </pre>
 * (Bowers and Johnson 2003; Wheeler and Ratcliffe 2018, weighted form.) Target and buffer may each
 * have their own control; each then uses its own weight. A measure whose denominator is zero is
 * "not defined", with the reason, never NaN or infinity.
 */
public final class DisplacementMeasures {

  /** The critical value of a two-sided 90 % interval. */
  public static final double Z_90 = 1.6448536269514722;
  private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

  /** Counts before and after. */
  public record Counts(long before, long after) {
  }

  /** A measure's value, or null with the reason it is not defined. */
  public record Value(Double value, String notDefinedBecause) {

    static Value of(double value) {
      return new Value(value, null);
    }

    static Value undefined(String reason) {
      return new Value(null, reason);
    }

    public boolean defined() {
      return value != null;
    }
  }

  /** A weighted displacement difference with its normal-approximation test. */
  public record Wdd(Double estimate, Double variance, Double z, Double p, double[] ci90, String notDefinedBecause) {

    static Wdd undefined(String reason) {
      return new Wdd(null, null, null, null, null, reason);
    }

    public boolean significantAt90() {
      return p != null && p < 0.10;
    }
  }

  /**
   * @param wdd the WDD of target and buffer together
   * @param localWdd the target's part alone
   * @param bufferWdd the buffer's part alone: significantly positive means displacement into the
   *     buffer, significantly negative diffusion of benefits
   */
  public record Result(Value successMeasure, Value bufferDisplacementMeasure, Value wdq, Value totalNetEffect, Wdd wdd,
      Wdd localWdd, Wdd bufferWdd) {
  }

  private DisplacementMeasures() {
  }

  public static Result compute(Counts target, Counts buffer, Counts control) {
    return compute(target, buffer, control, control);
  }

  public static Result compute(Counts target, Counts buffer, Counts targetControl, Counts bufferControl) {
    Value sm = ratioChange(target, targetControl, "target");
    Value bdm = ratioChange(buffer, bufferControl, "buffer");
    Value wdq;
    if (!sm.defined()) {
      wdq = Value.undefined(sm.notDefinedBecause());
    } else if (sm.value() >= 0) {
      wdq = Value.undefined("the success measure is not negative: the target did not improve against the control, "
          + "so there is no success whose displacement the WDQ could weigh");
    } else if (!bdm.defined()) {
      wdq = Value.undefined(bdm.notDefinedBecause());
    } else {
      wdq = Value.of(bdm.value() / sm.value());
    }
    Value tne;
    if (targetControl.before() == 0 || bufferControl.before() == 0) {
      tne = Value.undefined("the control area had no incidents before, so its trend is unknown");
    } else {
      tne = Value.of(target.before() * ((double) targetControl.after() / targetControl.before()) - target.after()
          + buffer.before() * ((double) bufferControl.after() / bufferControl.before()) - buffer.after());
    }
    Wdd local = part(target, targetControl);
    Wdd bufferPart = part(buffer, bufferControl);
    Wdd total = local.estimate() == null ? local : bufferPart.estimate() == null ? bufferPart
        : test(local.estimate() + bufferPart.estimate(), local.variance() + bufferPart.variance());
    return new Result(sm, bdm, wdq, tne, total, local, bufferPart);
  }

  /** Area/control after minus before: Xa/Ca − Xb/Cb. */
  private static Value ratioChange(Counts area, Counts control, String name) {
    if (control.before() == 0 || control.after() == 0) {
      return Value.undefined("the control area had no incidents " + (control.before() == 0 ? "before" : "after")
          + ", so the " + name + "'s change cannot be set against it");
    }
    return Value.of((double) area.after() / control.after() - (double) area.before() / control.before());
  }

  /**
   * One area's part of the WDD: (Xa − Xb) − (Ca − Cb)·Xb/Cb, variance Xa + Xb + (Ca + Cb)·(Xb/Cb)²
   * (1/w = Xb/Cb, which stays defined when the area had no incidents before).
   */
  private static Wdd part(Counts area, Counts control) {
    if (control.before() == 0) {
      return Wdd.undefined("the control area had no incidents before, so its trend is unknown");
    }
    double inverseWeight = (double) area.before() / control.before();
    double estimate = (area.after() - area.before()) - (control.after() - control.before()) * inverseWeight;
    double variance = area.after() + area.before() + (control.after() + control.before()) * inverseWeight * inverseWeight;
    return test(estimate, variance);
  }

  private static Wdd test(double estimate, double variance) {
    if (variance <= 0) {
      return new Wdd(estimate, variance, null, null, null, "no incidents at all, so there is nothing to test");
    }
    double se = Math.sqrt(variance);
    double z = estimate / se;
    double p = Math.min(1, 2 * STANDARD_NORMAL.survivalProbability(Math.abs(z)));
    return new Wdd(estimate, variance, z, p, new double[] {estimate - Z_90 * se, estimate + Z_90 * se}, null);
  }
}
