Feature: eu.gdpr-personal-data - no more personal data in an order than the sale needs
  Identity numbers only for destinations whose customs need them, deleted after clearance; no
  date of birth without an age check and no gender; special categories only with explicit
  consent; transfers outside the EEA by an EU seller only with a safeguard and an assessment.

  @EU.GDPR.NATIONAL_ID_NOT_NEEDED
  Scenario: A national ID number collected for a French delivery
    Given an order from "DE" to "FR" with:
      """
      personal_data: {national_id: "1234567890", national_id_type: fr_insee}
      """
    When it is screened
    Then the findings are exactly:
      | rule                          | severity | market | field                              |
      | EU.GDPR.NATIONAL_ID_NOT_NEEDED | review   | FR     | market, personal_data.national_id |

  @EU.GDPR.NATIONAL_ID_NOT_NEEDED @EU.GDPR.ID_KEPT_AFTER_CLEARANCE
  Scenario: A CPF for Brazilian customs is needed, and deleted after clearance
    Given an order from "DE" to "BR" with:
      """
      seller: {name: Musterhandel GmbH, country: DE}
      buyer: {name: Ana Souza, tax_id: "52998224725", tax_id_type: br_cpf}
      personal_data: {national_id: "52998224725", national_id_type: br_cpf, purposes: [customs_clearance], deleted_after_clearance: true}
      """
    When it is screened
    Then there are no findings

  @EU.GDPR.ID_KEPT_AFTER_CLEARANCE
  Scenario: A German seller keeps a Brazilian CPF after clearance
    Given an order from "DE" to "BR" with:
      """
      seller: {name: Musterhandel GmbH, country: DE}
      buyer: {name: Ana Souza, tax_id: "52998224725", tax_id_type: br_cpf}
      personal_data: {national_id: "52998224725", national_id_type: br_cpf, deleted_after_clearance: false}
      """
    When it is screened
    Then the findings are exactly:
      | rule                          | severity | market | field |
      | EU.GDPR.ID_KEPT_AFTER_CLEARANCE | review   | BR     | seller.country, personal_data.national_id, personal_data.deleted_after_clearance |

  @EU.GDPR.BIRTH_DATE_NOT_NEEDED @EU.GDPR.GENDER_NOT_NEEDED
  Scenario: Date of birth and gender at checkout for a mug
    Given an order from "DE" to "FR" with:
      """
      personal_data: {date_of_birth: "1990-04-01", gender: female, purposes: [marketing]}
      """
    When it is screened
    Then the findings are exactly:
      | rule                         | severity | market | field |
      | EU.GDPR.BIRTH_DATE_NOT_NEEDED | review   | FR     | market, personal_data.date_of_birth |
      | EU.GDPR.GENDER_NOT_NEEDED    | warn     | FR     | market, personal_data.gender |

  @EU.GDPR.BIRTH_DATE_NOT_NEEDED
  Scenario: A date of birth for an age check is needed
    Given an order from "DE" to "FR" with:
      """
      personal_data: {date_of_birth: "1990-04-01", purposes: [age_verification]}
      """
    When it is screened
    Then there are no findings

  @EU.GDPR.SPECIAL_CATEGORY_NO_EXPLICIT_CONSENT
  Scenario: Health data in an order without explicit consent
    Given an order from "DE" to "FR" with:
      """
      personal_data: {health: "prescription lenses -4.5 dioptres", special_categories: [health]}
      """
    When it is screened
    Then the findings are exactly:
      | rule                                        | severity | market | field |
      | EU.GDPR.SPECIAL_CATEGORY_NO_EXPLICIT_CONSENT | review   | FR     | market, personal_data.special_categories, personal_data.health |

  @EU.GDPR.SPECIAL_CATEGORY_NO_EXPLICIT_CONSENT
  Scenario: Health data with the buyer's explicit consent
    Given an order from "DE" to "FR" with:
      """
      personal_data: {health: "prescription lenses -4.5 dioptres", special_categories: [health]}
      consents:
        - {purpose: sensitive_data, method: checkbox_unticked, given_at: "2026-11-25T10:15:00Z", text_version: health-v1, channel: checkout}
      """
    When it is screened
    Then there are no findings

  @EU.GDPR.TRANSFER_NO_SAFEGUARD @EU.GDPR.TRANSFER_NO_TIA
  Scenario: A German seller sends order data to China and India
    Given an order from "DE" to "FR" with:
      """
      seller: {name: Musterhandel GmbH, country: DE}
      personal_data:
        transfers:
          - {country: CN, recipient: ERP of the parent company, purpose: order_fulfilment}
          - {country: IN, recipient: customer service, safeguard: scc, transfer_impact_assessment: false}
      """
    When it is screened
    Then the findings are exactly:
      | rule                         | severity | market | field |
      | EU.GDPR.TRANSFER_NO_SAFEGUARD | review   | FR     | seller.country, personal_data.transfers[0].country, personal_data.transfers[0].safeguard |
      | EU.GDPR.TRANSFER_NO_TIA      | review   | FR     | seller.country, personal_data.transfers[1].country, personal_data.transfers[1].safeguard, personal_data.transfers[1].transfer_impact_assessment |

  @EU.GDPR.TRANSFER_NO_SAFEGUARD @EU.GDPR.TRANSFER_NO_TIA
  Scenario: Transfers to an adequate country, or on clauses with an assessment
    Given an order from "DE" to "FR" with:
      """
      seller: {name: Musterhandel GmbH, country: DE}
      personal_data:
        transfers:
          - {country: CH, recipient: warehouse}
          - {country: CN, recipient: ERP, safeguard: scc, transfer_impact_assessment: true}
      """
    When it is screened
    Then there are no findings
