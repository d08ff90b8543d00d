Feature: global.customs-documents - tariff codes and consistent documents
  Every line needs a tariff code as long as the destination's declaration requires, and the
  commercial invoice must agree with the packing list.

  Scenario: A consistent shipment has no findings
    Given a shipment from "CN" to "US" with:
      """
      {}
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

  @DOC.HS_MISSING
  Scenario: A line without a tariff code
    Given a shipment from "CN" to "US" with:
      """
      items: [{description: Water bottle, quantity: 10, origin_country: CN, value: {amount: 80, currency: USD}}]
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule           | severity | market | field            |
      | DOC.HS_MISSING | block    | US     | items[0].hs_code |

  @DOC.HS_LENGTH
  Scenario Outline: A tariff code shorter than the destination requires
    The evidence names why the full length applies: a market outside the EU, no reduced
    declaration type, no value within EUR 150.
    Given a shipment from "CN" to "<destination>" with:
      """
      items: [{description: Water bottle, hs_code: "<hs_code>", quantity: 10, origin_country: CN, value: {amount: 80, currency: USD}}]
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule          | severity | market        | field                                |
      | DOC.HS_LENGTH | review   | <destination> | <why_full>, items[0].hs_code |

    Examples:
      | destination | hs_code  | why_full                                 |
      | US          | 961700   | market, declaration_type, declared_value |
      | DE          | 96170010 | declaration_type, declared_value         |

  @DOC.HS_LENGTH
  Scenario: Six digits are enough where no national length is known
    Given a shipment from "CN" to "AU" with:
      """
      items: [{description: Water bottle, hs_code: "961700", quantity: 10}]
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

  @DOC.HS_LENGTH
  Scenario Outline: An EU low-value consignment on the reduced data set needs only 6 digits
    Given a shipment from "CN" to "DE" with:
      """
      declaration_type: <declaration>
      declared_value: {amount: <value>, currency: EUR}
      items: [{description: Water bottle, hs_code: "961700", quantity: 10, origin_country: CN, value: {amount: <value>, currency: EUR}}]
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

    Examples:
      | declaration   | value |
      | H7            | 150   |
      | super reduced | 22    |

  @DOC.HS_LENGTH
  Scenario Outline: A full declaration, or H7 above EUR 150, needs the 10-digit TARIC code
    Given a shipment from "CN" to "DE" with:
      """
      declaration_type: <declaration>
      declared_value: {amount: <value>, currency: EUR}
      items: [{description: Water bottle, hs_code: "961700", quantity: 10, origin_country: CN, value: {amount: <value>, currency: EUR}}]
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule          | severity | market | field                  |
      | DOC.HS_LENGTH | review   | DE     | <why>, items[0].hs_code |

    Examples:
      | declaration | value  | why              |
      | h1          | 40     | declaration_type |
      | h7          | 150.01 | declared_value   |

  @DOC.HS_LENGTH_REDUCED
  Scenario: The reduced data set still needs the 6-digit HS subheading
    Given a shipment from "CN" to "FR" with:
      """
      declaration_type: h7
      declared_value: {amount: 40, currency: EUR}
      items: [{description: Water bottle, hs_code: "9617", quantity: 10, origin_country: CN, value: {amount: 40, currency: EUR}}]
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                  | severity | market | field                                        |
      | DOC.HS_LENGTH_REDUCED | review   | FR     | declaration_type, declared_value, items[0].hs_code |

  @DOC.QTY_MATCH
  Scenario: Invoice and packing list disagree on the quantity
    Given a shipment from "CN" to "US" with:
      """
      packing_list: {total_quantity: 12}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule          | severity | market | field                                             |
      | DOC.QTY_MATCH | review   | US     | invoice.total_quantity, packing_list.total_quantity |

  @DOC.WEIGHT_NET_GROSS
  Scenario: A net weight greater than the gross weight
    Given a shipment from "CN" to "US" with:
      """
      packing_list: {net_weight_kg: 5}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                 | severity | market | field                                                |
      | DOC.WEIGHT_NET_GROSS | review   | US     | packing_list.net_weight_kg, packing_list.gross_weight_kg |

  @DOC.WEIGHT_AWB_PACKING_LIST
  Scenario: The air waybill's gross weight is 5 % above the packing list's
    Given a shipment from "CN" to "US" with:
      """
      air_waybill: {gross_weight: 4.41 kg, chargeable_weight: 4.41 kg}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                        | severity | market | field                                              |
      | DOC.WEIGHT_AWB_PACKING_LIST | review   | US     | derived.awb_packing_list_gross_difference_percent |

  @DOC.WEIGHT_AWB_PACKING_LIST
  Scenario: An air waybill in pounds is compared in kilograms
    Given a shipment from "CN" to "US" with:
      """
      air_waybill: {gross_weight: 8.5 lb, chargeable_weight: 8.5 lb}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                        | severity | market | field                                              |
      | DOC.WEIGHT_AWB_PACKING_LIST | review   | US     | derived.awb_packing_list_gross_difference_percent |

  @DOC.WEIGHT_AWB_PACKING_LIST
  Scenario Outline: Within 3 % the air waybill agrees with the packing list
    Given a shipment from "CN" to "US" with:
      """
      air_waybill: {gross_weight: <awb>, chargeable_weight: <awb>}
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

    Examples:
      | awb     |
      | 4.2 kg  |
      | 4.32 kg |
      | 4.08 kg |
      | 9.25 lb |

  @DOC.DESCRIPTION.VAGUE
  Scenario Outline: A line described by one vague word
    Given a shipment from "CN" to "US" with:
      """
      items: [{description: "<description>", hs_code: "9617001000", quantity: 10, origin_country: CN, value: {amount: 80, currency: USD}}]
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                  | severity | market | field                |
      | DOC.DESCRIPTION.VAGUE | review   | US     | items[0].description |

    Examples:
      | description |
      | Gift        |
      | Samples     |
      | parts       |

  @DOC.DESCRIPTION.VAGUE
  Scenario Outline: Descriptions that name the goods, though they contain a vague word
    Given a shipment from "CN" to "US" with:
      """
      items: [{description: "<description>", hs_code: "9617001000", quantity: 10, origin_country: CN, value: {amount: 80, currency: USD}}]
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

    Examples:
      | description                     |
      | Stainless steel gift box        |
      | Bicycle brake parts             |
      | Phone accessories: silicone case |

  @DOC.INCOTERMS.UNKNOWN
  Scenario: DDU is no Incoterms 2020 rule
    Given a shipment from "CN" to "US" with:
      """
      incoterm: DDU
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                  | severity | market | field    |
      | DOC.INCOTERMS.UNKNOWN | review   | US     | incoterm |

  @DOC.INCOTERMS.SEA_TERM_OTHER_MODE
  Scenario: FOB on an express shipment
    Given a shipment from "CN" to "US" with:
      """
      incoterm: FOB
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                              | severity | market | field          |
      | DOC.INCOTERMS.SEA_TERM_OTHER_MODE | warn     | US     | incoterm, mode |

  @DOC.INCOTERMS.SEA_TERM_OTHER_MODE
  Scenario Outline: FCA by express, FOB by sea
    Given a shipment from "CN" to "US" with:
      """
      incoterm: <incoterm>
      mode: <mode>
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

    Examples:
      | incoterm | mode    |
      | FCA      | express |
      | FOB      | sea     |

  @DOC.INCOTERMS.DDP_EU_NO_IOSS
  Scenario: A DDP consumer parcel into Germany without IOSS
    Given a shipment from "CN" to "DE" with:
      """
      incoterm: DDP
      b2c: true
      declared_value: {amount: 32, currency: EUR}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                        | severity | market | field                                                     |
      | DOC.INCOTERMS.DDP_EU_NO_IOSS | review   | DE     | incoterm, b2c, declared_value, ioss_number, exporter.vat_id |

  @DOC.INCOTERMS.DDP_EU_NO_IOSS
  Scenario: DAP puts the import VAT on the buyer
    Given a shipment from "CN" to "DE" with:
      """
      incoterm: DAP
      b2c: true
      declared_value: {amount: 32, currency: EUR}
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

  @DOC.VALUE.INVOICE_MISMATCH
  Scenario: The declared value is below the invoice total
    Given a shipment from "CN" to "US" with:
      """
      declared_value: {amount: 20, currency: USD}
      invoice: {total_value: {amount: 80, currency: USD}}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                       | severity | market | field                                                                          |
      | DOC.VALUE.INVOICE_MISMATCH | review   | US     | declared_value, invoice.total_value, declared_value.currency, invoice.total_value.currency |

  @DOC.VALUE.INVOICE_MISMATCH
  Scenario: The declared value equals the invoice total
    Given a shipment from "CN" to "US" with:
      """
      declared_value: {amount: 80, currency: USD}
      invoice: {total_value: {amount: 80, currency: USD}}
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

  @DOC.ORIGIN_CERT.FORM_E
  Scenario: Form E for Chinese goods into Germany
    Given a shipment from "CN" to "DE" with:
      """
      origin_proofs: [{type: Form E, agreement: ACFTA, issuing_country: CN}]
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                  | severity | market | field                          |
      | DOC.ORIGIN_CERT.FORM_E | review   | DE     | origin_proofs[0].type, market |

  @DOC.ORIGIN_CERT.FORM_E
  Scenario: Form E for Chinese goods into Malaysia
    Given a shipment from "CN" to "MY" with:
      """
      origin_proofs: [{type: form_e, agreement: ACFTA, issuing_country: CN}]
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

  @DOC.ORIGIN_CERT.RCEP
  Scenario: An RCEP certificate into the UK
    Given a shipment from "CN" to "GB" with:
      """
      origin_proofs: [{type: rcep, issuing_country: CN}]
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                 | severity | market | field                         |
      | DOC.ORIGIN_CERT.RCEP | review   | GB     | origin_proofs[0].type, market |

  @DOC.ORIGIN_CERT.RCEP
  Scenario: An RCEP certificate from China to Japan
    Given a shipment from "CN" to "JP" with:
      """
      origin_proofs: [{type: rcep, issuing_country: CN}]
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

  @DOC.ORIGIN_CERT.NO_FTA_WITH_CN
  Scenario: A GSP Form A for Chinese goods into the US
    Given a shipment from "CN" to "US" with:
      """
      origin_proofs: [{type: form_a, issuing_country: CN}]
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                           | severity | market | field                                            |
      | DOC.ORIGIN_CERT.NO_FTA_WITH_CN | review   | US     | items[0].origin_country, origin_proofs[0].type |

  @DOC.ORIGIN_CERT.NO_FTA_WITH_CN
  Scenario: A non-preferential certificate of origin for Chinese goods into the US
    Given a shipment from "CN" to "US" with:
      """
      origin_proofs: [{type: non_preferential, issuing_country: CN}]
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

  @DOC.VOLUMETRIC.CHARGEABLE_BELOW_VOLUMETRIC
  Scenario: Express chargeable weight below L x W x H / 5000
    Given a shipment from "CN" to "US" with:
      """
      packages: [{dimensions: 40 x 30 x 20 cm, gross_weight: 4.2 kg}]
      air_waybill: {gross_weight: 4.2 kg, chargeable_weight: 4.2 kg}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                                       | severity | market | field                                                     |
      | DOC.VOLUMETRIC.CHARGEABLE_BELOW_VOLUMETRIC | review   | US     | mode, derived.chargeable_weight_kg, derived.volumetric_weight_kg_5000 |

  @DOC.VOLUMETRIC.CHARGEABLE_BELOW_VOLUMETRIC
  Scenario: Chargeable weight is the greater of actual and volumetric weight
    Given a shipment from "CN" to "US" with:
      """
      packages: [{dimensions: 25 x 20 x 15 cm, gross_weight: 4.2 kg}]
      air_waybill: {gross_weight: 4.2 kg, chargeable_weight: 4.2 kg}
      """
    When it is screened as of "2026-11-25"
    Then there are no findings
