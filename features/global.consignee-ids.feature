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

  @ID.CN.CBEC
  Scenario Outline: A cross-border e-commerce parcel to China without a valid resident ID
    Given a shipment from "KR" to "CN" with:
      """
      consignee: {name: Wang Fang, tax_id: <tax_id>}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule       | severity | market | field                 |
      | ID.CN.CBEC | block    | CN     | b2c, consignee.tax_id |

    Examples:
      | tax_id               |
      | null                 |
      | "11010519491231002Y" |

  @ID.CN.CBEC
  Scenario: A resident ID with the check character X
    Given a shipment from "KR" to "CN" with:
      """
      consignee: {name: Wang Fang, tax_id: "11010519491231002X"}
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

  @ID.CN.CBEC.ORDER_LIMIT
  Scenario: A single CBEC transaction above RMB 5,000 pays the full rates
    Given a shipment from "KR" to "CN" with:
      """
      consignee: {name: Wang Fang, tax_id: "11010519491231002X"}
      declared_value: {amount: 5200, currency: CNY}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                   | severity | market | field               |
      | ID.CN.CBEC.ORDER_LIMIT | review   | CN     | b2c, declared_value |

  @ID.CN.CBEC.ORDER_LIMIT @ID.CN.CBEC.ORDER_LIMIT_2016
  Scenario: RMB 4,000 was above the 2016 limit but is within the limit since 2019
    Given a shipment from "KR" to "CN" with:
      """
      consignee: {name: Wang Fang, tax_id: "11010519491231002X"}
      declared_value: {amount: 4000, currency: CNY}
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

  @ID.CN.CBEC.ORDER_LIMIT_2016
  Scenario: RMB 4,000 in 2018 was above the single-transaction limit of RMB 2,000
    Given a shipment from "KR" to "CN" with:
      """
      date: "2018-06-01"
      consignee: {name: Wang Fang, tax_id: "11010519491231002X"}
      declared_value: {amount: 4000, currency: CNY}
      """
    When it is screened as of "2018-06-01"
    Then the findings are exactly:
      | rule                        | severity | market | field               |
      | ID.CN.CBEC.ORDER_LIMIT_2016 | review   | CN     | b2c, declared_value |

  @ID.CL.RUT
  Scenario Outline: A parcel to Chile without a valid RUT
    Given a shipment from "CN" to "CL" with:
      """
      consignee: {name: Camila Rojas, tax_id: <tax_id>}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule      | severity | market | field            |
      | ID.CL.RUT | block    | CL     | consignee.tax_id |

    Examples:
      | tax_id        |
      | null          |
      | "12345678-0"  |

  @ID.CL.RUT
  Scenario: A parcel to Chile with a valid RUT
    Given a shipment from "CN" to "CL" with:
      """
      consignee: {name: Camila Rojas, tax_id: "12.531.909-2"}
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

  @ID.TR.TCKN
  Scenario Outline: A parcel to Turkey without a valid T.C. identity number
    Given a shipment from "CN" to "TR" with:
      """
      consignee: {name: Ayse Yilmaz, tax_id: <tax_id>}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule       | severity | market | field            |
      | ID.TR.TCKN | block    | TR     | consignee.tax_id |

    Examples:
      | tax_id        |
      | null          |
      | "12345678951" |

  @ID.TR.TCKN
  Scenario Outline: Valid T.C. identity numbers, a foreign resident's included
    Given a shipment from "CN" to "TR" with:
      """
      consignee: {name: Ayse Yilmaz, tax_id: "<tax_id>"}
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

    Examples:
      | tax_id      |
      | 10000000146 |
      | 99123456740 |

  @ID.IN.KYC
  Scenario Outline: A courier parcel to India without a valid KYC identifier
    Given a shipment from "CN" to "IN" with:
      """
      consignee: {name: Priya Sharma, tax_id: <tax_id>}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule      | severity | market | field            |
      | ID.IN.KYC | review   | IN     | consignee.tax_id |

    Examples:
      | tax_id       |
      | null         |
      | "ACUQA7085R" |

  @ID.IN.KYC
  Scenario Outline: PAN, Aadhaar or a business's GSTIN satisfy the KYC identifier
    Given a shipment from "CN" to "IN" with:
      """
      consignee: {name: Priya Sharma, tax_id: "<tax_id>"}
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

    Examples:
      | tax_id          |
      | ACUPA7085R      |
      | 234123412346    |
      | 27AAPFU0939F1ZV |
