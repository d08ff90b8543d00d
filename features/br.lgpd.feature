Feature: br.lgpd - LGPD consent must be specific, stand out and be provable
  Lei 13.709/2018 Art. 8: consent shows the person's will, in a highlighted clause if written,
  for specific purposes (generic authorisations are void); the controller proves it.

  @BR.LGPD.CONSENT_NOT_SPECIFIC
  Scenario: Marketing consent hidden in the terms of sale
    Given an order from "BR" to "BR" with:
      """
      consents:
        - {purpose: marketing_email, method: terms_bundled, given_at: "2026-11-25T10:15:00-03:00", text_version: termos-4, channel: checkout}
      """
    When it is screened
    Then the findings are exactly:
      | rule                         | severity | market | field |
      | BR.LGPD.CONSENT_NOT_SPECIFIC | review   | BR     | consents[0].given, consents[0].method |

  @BR.LGPD.CONSENT_PROOF_MISSING
  Scenario: A consent without the time it was given
    Given an order from "BR" to "BR" with:
      """
      consents:
        - {purpose: marketing_email, method: checkbox_unticked, text_version: v2, channel: checkout}
      """
    When it is screened
    Then the findings are exactly:
      | rule                         | severity | market | field |
      | BR.LGPD.CONSENT_PROOF_MISSING | warn     | BR     | consents[0].given, consents[0].method, consents[0].given_at |

  @BR.LGPD.CONSENT_NOT_SPECIFIC @BR.LGPD.CONSENT_PROOF_MISSING
  Scenario: Its own unticked box, with time and text version
    Given an order from "BR" to "BR" with:
      """
      consents:
        - {purpose: marketing_email, method: checkbox_unticked, given_at: "2026-11-25T10:15:00-03:00", text_version: v2, channel: checkout}
      """
    When it is screened
    Then there are no findings
