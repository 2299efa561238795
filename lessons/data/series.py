"""A weather-like multichannel time series, made offline, in the layout of the Jena climate
data that Keras's forecasting examples use."""
import numpy as np
from scipy import signal

CHANNELS = ("p (mbar)", "T (degC)", "Tpot (K)", "Tdew (degC)", "rh (%)", "VPmax (mbar)",
            "VPact (mbar)", "VPdef (mbar)", "sh (g/kg)", "H2OC (mmol/mol)", "rho (g/m**3)",
            "wv (m/s)", "max. wv (m/s)", "wd (deg)")


def _ar1(phi, scale, size, rng):
    """AR(1) noise x[t] = phi x[t-1] + e[t], e ~ N(0, scale^2)."""
    return signal.lfilter([1.0], [1.0, -phi], rng.normal(0, scale, size))


def _saturation_pressure(celsius):
    """Water vapour saturation pressure in mbar (Magnus formula)."""
    return 6.1094 * np.exp(17.625 * celsius / (celsius + 243.04))


def make_series(n_days=730, seed=0):
    """`n_days` of hourly weather-like readings on the 14 channels of CHANNELS.

    Temperature is a yearly and a daily sinusoid plus a slow warming trend plus AR(1) noise;
    pressure, dew-point spread and wind are AR(1) processes; the other channels follow from
    these by the physical formulas (vapour pressures, humidity, density, potential
    temperature), so the channels are correlated as real ones are.
    Returns values (24 * n_days, 14) float32 and the list of channel names.
    """
    rng = np.random.default_rng(seed)
    hours = np.arange(24 * n_days)
    days = hours / 24
    yearly = -np.cos(2 * np.pi * (days - rng.uniform(0, 20)) / 365.25)  # coldest near new year
    daily = -np.cos(2 * np.pi * (hours - 3) / 24)                         # coldest at 3 am
    trend = rng.uniform(0.5, 1.5) * days / 365.25                          # degrees per year
    T = 9 + 9 * yearly + 4 * daily + trend + _ar1(0.98, 0.5, hours.size, rng)
    p = 990 + _ar1(0.995, 0.6, hours.size, rng)
    Tdew = T - np.abs(3 + 2 * daily + _ar1(0.97, 0.6, hours.size, rng))
    vp_max, vp_act = _saturation_pressure(T), _saturation_pressure(Tdew)
    wv = np.abs(2 + _ar1(0.95, 0.4, hours.size, rng))
    max_wv = wv * (1.3 + np.abs(rng.normal(0, 0.3, hours.size)))
    wd = np.degrees(np.cumsum(rng.normal(0, 0.2, hours.size)) + rng.uniform(0, 2 * np.pi)) % 360
    kelvin = T + 273.15
    values = np.stack([
        p, T, kelvin * (1000 / p) ** 0.286, Tdew, 100 * vp_act / vp_max, vp_max, vp_act,
        vp_max - vp_act, 1000 * 0.622 * vp_act / (p - 0.378 * vp_act), 1000 * vp_act / p,
        100 * p / (287.05 * kelvin) * 1000, wv, max_wv, wd], axis=1)
    return values.astype(np.float32), list(CHANNELS)
