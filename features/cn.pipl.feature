Feature: cn.pipl - separate consent for identity-card numbers and for sending them abroad
  PIPL Arts. 28-30 and 39 (brief L): an identity-card number on a CBEC import order needs the
  buyer's separate consent, and providing it to a seller abroad a separate consent to the
  transfer. Whether a customs obligation makes consent unnecessary is not settled, so both rules
  ask for review.

  @CN.PIPL.ID_NO_SEPARATE_CONSENT @CN.PIPL.TRANSFER_NO_SEPARATE_CONSENT
  Scenario: A German seller's CBEC order with an ID number and no consent records
    Given an order from "DE" to "CN" with:
      """
      seller: {name: Musterhandel GmbH, country: DE}
      personal_data: {national_id: "11010519491231002X", national_id_type: cn_ric}
      """
    When it is screened
    Then the findings are exactly:
      | rule                                 | severity | market | field |
      | CN.PIPL.ID_NO_SEPARATE_CONSENT       | review   | CN     | personal_data.national_id |
      | CN.PIPL.TRANSFER_NO_SEPARATE_CONSENT | review   | CN     | personal_data.national_id, seller.country |

  @CN.PIPL.ID_NO_SEPARATE_CONSENT @CN.PIPL.TRANSFER_NO_SEPARATE_CONSENT
  Scenario: Separate consents for the ID number and for the transfer
    Given an order from "DE" to "CN" with:
      """
      seller: {name: Musterhandel GmbH, country: DE}
      personal_data: {national_id: "11010519491231002X", national_id_type: cn_ric}
      consents:
        - {purpose: sensitive_data, method: checkbox_unticked, given_at: "2026-11-25T10:15:00+08:00", text_version: id-v1, channel: checkout}
        - {purpose: cross_border_transfer, method: checkbox_unticked, given_at: "2026-11-25T10:15:00+08:00", text_version: xfer-v1, channel: checkout}
      """
    When it is screened
    Then there are no findings

  @CN.PIPL.TRANSFER_NO_SEPARATE_CONSENT
  Scenario: A seller in China needs no consent to a transfer abroad
    Given an order from "CN" to "CN" with:
      """
      seller: {name: 上海好物有限公司, country: CN}
      personal_data: {national_id: "11010519491231002X", national_id_type: cn_ric}
      consents:
        - {purpose: sensitive_data, method: checkbox_unticked, given_at: "2026-11-25T10:15:00+08:00", text_version: id-v1, channel: checkout}
      """
    When it is screened
    Then there are no findings
