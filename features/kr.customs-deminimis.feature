Feature: kr.customs-deminimis - duty and VAT exemption for personal-use parcels to Korea
  A personal-use parcel is exempt up to USD 150, or USD 200 when shipped from the US with every
  item under list clearance; over the limit the whole value is taxed.

  @KR.CUS.DEMINIMIS.OVER_LIMIT
  Scenario: A parcel of USD 160 from China declared duty-free goes to review
    Given a shipment from "CN" to "KR" with:
      """
      b2c: true
      consignee: {name: Kim Minji, address: 1 Sejong-daero, country: KR, tax_id: P123456789012, tax_id_type: kr_pccc}
      declared_value: {amount: 160, currency: USD}
      items: [{description: Stainless steel water bottle, hs_code: "9617001000", quantity: 10, net_weight_kg: 3.5, gross_weight_kg: 4.2, origin_country: CN, value: {amount: 160, currency: USD}}]
      duty_relief_claimed: true
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                        | severity | market | field |
      | KR.CUS.DEMINIMIS.OVER_LIMIT | review   | KR     | b2c, duty_relief_claimed, origin_country, declared_value |

  @KR.CUS.DEMINIMIS.OVER_LIMIT
  Scenario: USD 180 from the US may be within the KORUS limit
    Given a shipment from "US" to "KR" with:
      """
      b2c: true
      consignee: {name: Kim Minji, address: 1 Sejong-daero, country: KR, tax_id: P123456789012, tax_id_type: kr_pccc}
      declared_value: {amount: 180, currency: USD}
      items: [{description: Stainless steel water bottle, hs_code: "9617001000", quantity: 10, net_weight_kg: 3.5, gross_weight_kg: 4.2, origin_country: US, value: {amount: 180, currency: USD}}]
      duty_relief_claimed: true
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

  @KR.CUS.DEMINIMIS.OVER_LIMIT
  Scenario: USD 180 from the US with a food supplement keeps the USD 150 limit
    Given a shipment from "US" to "KR" with:
      """
      b2c: true
      consignee: {name: Kim Minji, address: 1 Sejong-daero, country: KR, tax_id: P123456789012, tax_id_type: kr_pccc}
      declared_value: {amount: 180, currency: USD}
      items: [{description: Vitamin C tablets, hs_code: "2106909000", quantity: 10, net_weight_kg: 3.5, gross_weight_kg: 4.2, origin_country: US, value: {amount: 180, currency: USD}}]
      duty_relief_claimed: true
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule                        | severity | market | field |
      | KR.CUS.DEMINIMIS.OVER_LIMIT | review   | KR     | b2c, duty_relief_claimed, declared_value, items[0].hs_code |
