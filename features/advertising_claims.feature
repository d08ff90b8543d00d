Feature: Advertising claims in listings
  Compliance officers want superlatives and extreme words caught however sellers disguise
  them, without flagging ordinary words that merely contain a banned one.

  Scenario Outline: German superlatives are caught through disguises
    Given a listing for market "DE" titled "<title>"
    When it is screened
    Then the decision is "review"
    And rule "DE.UWG.SUPERLATIVE" reports the text "<matched>" in field "title"

    Examples:
      | title                              | matched          |
      | Die beste Trinkflasche             | beste            |
      | Die ＢＥＳＴＥ Trinkflasche          | ＢＥＳＴＥ          |
      | Die B E S T E Trinkflasche         | B E S T E        |
      | Die be​ste Trinkflasche         | be​ste            |
      | Die bеstе Trinkflasche             | bеstе            |
      | Nr. 1 unter den Trinkflaschen      | Nr. 1            |

  Scenario Outline: Plain words that contain a banned word are not flagged
    Given a listing for market "DE" titled "<title>"
    When it is screened
    Then rule "DE.UWG.SUPERLATIVE" does not fire

    Examples:
      | title                                  |
      | Jetzt bestellen: Trinkflasche          |
      | Unser Bestseller aus Edelstahl         |
      | Bestellnummer 4711                     |

  Scenario: Chinese extreme words match inside text, allow-listed phrases do not
    Given a listing for market "CN" titled "销量第一的保温杯"
    When it is screened
    Then the decision is "block"
    And rule "CN.ADLAW.ART9_3" reports the text "销量第一" in field "title"

  Scenario: 第一次 is an allow-listed phrase, not the extreme word 第一
    Given a listing for market "CN" titled "保温杯 第一次使用前请清洗"
    When it is screened
    Then rule "CN.ADLAW.ART9_3" does not fire
