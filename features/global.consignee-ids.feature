Feature: global.consignee-ids - consignee tax IDs that destinations require
  Korea does not clear personal imports without the consignee's PCCC, Brazil without a CPF or
  CNPJ; the check digits are verified.

  @ID.KR.PCCC
  Scenario Outline: A parcel to Korea without a valid PCCC
    Given a shipment from "CN" to "KR" with:
      """
      consignee: {tax_id: <tax_id>}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule       | severity | market | field            |
      | ID.KR.PCCC | block    | KR     | consignee.tax_id |

    Examples:
      | tax_id        |
      | null          |
      | "12345678901" |

  @ID.KR.PCCC
  Scenario: A parcel to Korea with a PCCC
    Given a shipment from "CN" to "KR" with:
      """
      consignee: {tax_id: P123456789012}
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

  @ID.BR.CPF_CNPJ
  Scenario: A parcel to Brazil with a CPF whose check digits are wrong
    Given a shipment from "CN" to "BR" with:
      """
      consignee: {name: Ana Souza, tax_id: "123.456.789-00"}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule           | severity | market | field            |
      | ID.BR.CPF_CNPJ | block    | BR     | consignee.tax_id |

  @ID.BR.CPF_CNPJ
  Scenario Outline: A valid CPF or CNPJ
    Given a shipment from "CN" to "BR" with:
      """
      consignee: {name: Ana Souza, tax_id: "<tax_id>"}
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

    Examples:
      | tax_id             |
      | 529.982.247-25     |
      | 11.222.333/0001-81 |
