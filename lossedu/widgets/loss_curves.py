"""Explorer for notebook 05: MSE and cross-entropy of one softmax output against its logit."""

from .._validation import as_number, check_choice, check_in_range, check_positive
from ..i18n import _
from ..plots import new_figure
from ..plots.curves import FORMS, plot_loss_curves, set_loss_curves
from ._explorer import Explorer, choice, float_slider

C2_RANGE = (0.1, 10.0)
S_RANGE = (0.05, 10.0)


def loss_curves_explorer(c1=1.0, c2=2.0, form="simplified", s=1.0):
    r"""Move the target `c1` and the frozen denominator `c2`; then switch to the exact form.

    The simplified form treats the softmax denominator as a constant `c2`:
    :math:`\mathrm{MSE} = (c_1 - e^x/c_2)^2`, :math:`\mathrm{CE} = \ln c_2 - x`.
    The exact form keeps the other logits fixed instead, with
    :math:`S = \sum_{j \ne i} e^{z_j}` (control ``s``): the output is
    :math:`a = e^x / (e^x + S)`, and the simplified curves stay on in grey for
    comparison. The MSE's inflection point is marked and its flat region, where
    its slope is below 0.05 although the prediction is wrong, is shaded.

    Parameters
    ----------
    c1 : float
        Target of the MSE, in [0, 1].
    c2 : float
        Frozen denominator of the simplified form, in [0.1, 10].
    form : {"simplified", "exact"}
        Which form to show in colour.
    s : float
        :math:`S` of the exact form, in [0.05, 10]; the control is greyed out in
        the simplified form, which does not use it. With ``s = c2 - 1`` both
        forms predict the same output at :math:`x = 0`.

    Returns
    -------
    Explorer
        Controls ``c1``, ``c2``, ``form`` and ``s``.

    Examples
    --------
    >>> explorer = loss_curves_explorer()
    >>> explorer.readout.value
    'MSE inflection at x = 0.00; MSE flat (|slope| < 0.05) for x < -2.97'
    >>> explorer.sliders["form"].value = "exact"
    >>> explorer.readout.value
    'MSE inflection at x = -0.69; MSE flat (|slope| < 0.05) for x < -3.61'
    >>> explorer.redraws
    2
    """
    c1 = as_number(c1, "c1", probability=True)
    c2 = check_positive(c2, "c2")
    check_choice(form, "form", FORMS)
    s = check_positive(s, "s")
    check_in_range(c2, "c2", *C2_RANGE)
    check_in_range(s, "s", *S_RANGE)
    fig, axes = new_figure(1, 2, figsize=(10.0, 3.9))
    fig.set_dpi(100)
    artists = plot_loss_curves(c1, c2, form=form, s=s, compare=form == "exact", ax=axes)
    sliders = {
        "c1": float_slider(_("target c1"), c1, 0.0, 1.0, 0.01, readout_format=".2f"),
        "c2": float_slider(_("frozen denominator c2"), c2, *C2_RANGE, 0.05, readout_format=".2f"),
        "form": choice(_("form"), list(FORMS), form),
        "s": float_slider(
            _("exact form: S = Σ other exp(z)"), s, *S_RANGE, 0.05, readout_format=".2f"
        ),
    }

    def update(c1, c2, form, s):
        exact = form == "exact"
        sliders["s"].disabled = not exact
        return set_loss_curves(artists, c1, c2, form=form, s=s, compare=exact)

    return Explorer(fig, sliders, update, title=_("MSE vs cross-entropy of one softmax output"))
