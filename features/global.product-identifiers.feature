Feature: global.product-identifiers - GTINs that identify nothing
  A GTIN that fails its check digit, often a barcode a spreadsheet turned into scientific
  notation, identifies nothing and marketplaces reject the listing.

  @LISTING.GTIN_INVALID
  Scenario Outline: A GTIN that fails its check digit
    Given a listing for market "<market>" titled "Water bottle" with:
      """
      gtin: "<gtin>"
      """
    When it is screened
    Then the findings are exactly:
      | rule                 | severity | market   | field |
      | LISTING.GTIN_INVALID | warn     | <market> | gtin  |

    Examples:
      | market | gtin          |
      | DE     | 4006381333932 |
      | US     | 3.65275E+11   |

  @LISTING.GTIN_INVALID
  Scenario Outline: Valid GTIN-13 and UPC-A
    Given a listing for market "DE" titled "Water bottle" with:
      """
      gtin: "<gtin>"
      """
    When it is screened
    Then there are no findings

    Examples:
      | gtin          |
      | 4006381333931 |
      | 012345678905  |
