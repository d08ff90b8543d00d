Feature: eu.gdpr-consent - consents recorded with an order must be valid and provable
  Consent is a clear affirmative act for each purpose, not a pre-ticked box or inactivity
  (GDPR Art. 4(11), Recital 32, Planet49), not a condition of the order (Art. 7(4)), and the
  seller must be able to prove it (Art. 7(1)). E-mail marketing without consent needs the
  ePrivacy soft opt-in (Dir. 2002/58/EC Art. 13(2)). The GDPR rules apply to orders into the EU
  and to orders of sellers located in the EU wherever they go.

  @EU.GDPR.CONSENT_PRETICKED
  Scenario: A marketing box ticked by default is not consent
    Given an order from "DE" to "FR" with:
      """
      seller: {name: Musterhandel GmbH, country: DE}
      consents:
        - {purpose: marketing_email, method: checkbox_preticked, given_at: "2026-11-25T10:15:00Z", text_version: v3, channel: checkout}
      """
    When it is screened
    Then the findings are exactly:
      | rule                      | severity | market | field                                    |
      | EU.GDPR.CONSENT_PRETICKED | review   | FR     | market, seller.country, consents[0].method, consents[0].given |

  @EU.GDPR.CONSENT_PRETICKED
  Scenario: A German seller's order to the United States is under the GDPR too
    Given an order from "DE" to "US" with:
      """
      seller: {name: Musterhandel GmbH, country: DE}
      consent: {marketing: true, pre_ticked: true, timestamp: "2026-11-25T10:15:00Z", text_version: v1, channel: checkout}
      """
    When it is screened
    Then the findings are exactly:
      | rule                      | severity | market | field                                               |
      | EU.GDPR.CONSENT_PRETICKED | review   | US     | seller.country, consent.pre_ticked, consent.marketing |

  @EU.GDPR.CONSENT_PRETICKED @EU.GDPR.CONSENT_PROOF_MISSING
  Scenario: A box the buyer ticked, with its time, text and channel, is valid consent
    Given an order from "DE" to "FR" with:
      """
      consents:
        - {purpose: marketing_email, method: checkbox_unticked, given_at: "2026-11-25T10:15:00Z", text_version: v3, channel: checkout}
      """
    When it is screened
    Then there are no findings

  @EU.GDPR.CONSENT_CONDITION_OF_ORDER @EU.GDPR.CONSENT_NOT_GRANULAR
  Scenario: A consent the order depended on, and one box for several purposes
    Given an order from "DE" to "FR" with:
      """
      consents:
        - {purpose: third_party_sharing, method: terms_bundled, given_at: "2026-11-25T10:15:00Z", text_version: agb-7, channel: checkout}
        - {purpose: marketing_email, method: checkbox_unticked, covers_several_purposes: true, given_at: "2026-11-25T10:15:00Z", text_version: v3, channel: checkout}
      """
    When it is screened
    Then the findings are exactly:
      | rule                               | severity | market | field |
      | EU.GDPR.CONSENT_CONDITION_OF_ORDER | review   | FR     | market, consents[0].given, consents[0].method |
      | EU.GDPR.CONSENT_NOT_GRANULAR       | review   | FR     | market, consents[1].given, consents[1].covers_several_purposes |

  @EU.GDPR.CONSENT_PROOF_MISSING
  Scenario: A consent without the time it was given cannot be proven
    Given an order from "DE" to "FR" with:
      """
      consents:
        - {purpose: marketing_email, method: double_opt_in, text_version: v3, channel: newsletter form}
      """
    When it is screened
    Then the findings are exactly:
      | rule                         | severity | market | field |
      | EU.GDPR.CONSENT_PROOF_MISSING | warn     | FR     | market, consents[0].given, consents[0].method, consents[0].given_at |

  @EU.EPRIV.SOFT_OPTIN_INVALID
  Scenario: A soft opt-in on addresses from an affiliate
    Given an order from "DE" to "FR" with:
      """
      consents:
        - {purpose: marketing_email, method: soft_opt_in, source: affiliate, opt_out_offered: true}
      """
    When it is screened
    Then the findings are exactly:
      | rule                       | severity | market | field |
      | EU.EPRIV.SOFT_OPTIN_INVALID | review   | FR     | consents[0].method, consents[0].purpose, consents[0].given, consents[0].source |

  @EU.EPRIV.SOFT_OPTIN_INVALID
  Scenario: A soft opt-in from the seller's own sale with an opt-out at checkout
    Given an order from "DE" to "FR" with:
      """
      consents:
        - {purpose: marketing_email, method: soft_opt_in, source: own_sale, opt_out_offered: true}
      """
    When it is screened
    Then there are no findings
